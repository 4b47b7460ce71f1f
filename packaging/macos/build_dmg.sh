#!/usr/bin/env bash
# Prism.app and Prism-<version>.dmg, on macOS (hdiutil and codesign come with the system):
#   packaging/macos/build_dmg.sh
# Signing: PyInstaller signs ad hoc, which runs on the machine that built it; for other Macs
# set PRISM_CODESIGN_IDENTITY="Developer ID Application: ..." (and notarise the .dmg with
# `xcrun notarytool`), else the officer must right-click -> Open the first time.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "build_dmg.sh runs on macOS only" >&2; exit 1; }

uv run --locked --group packaging python packaging/build.py
version=$(uv run python -c 'import crm; print(crm.__version__)')
app=dist/Prism.app
[ -d "$app" ] || { echo "PyInstaller made no $app" >&2; exit 1; }
"$app/Contents/MacOS/Prism" --version

if [ -n "${PRISM_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$PRISM_CODESIGN_IDENTITY" "$app"
fi

# The disk image: the app beside a link to /Applications, to drag it across.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
dmg="dist/Prism-$version.dmg"
rm -f "$dmg"
hdiutil create -volname "Prism $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
echo "$dmg"
