#!/bin/sh
# Add Prism to this user's application menu (no root needed), from the folder this script is in.
# Run it again after moving the folder. The book itself stays in ~/.local/share/Prism.
#   ./install.sh            add the menu entry and put `crm` in ~/.local/bin
#   ./install.sh --remove   take them away again (the book is kept)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
bin="$HOME/.local/bin"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/prism.desktop" "$icons/prism.png"
  [ -L "$bin/crm" ] && rm -f "$bin/crm"
  echo "Prism removed from the menu; your book is kept."
  exit 0
fi
mkdir -p "$apps" "$icons" "$bin"
cp "$here/prism.png" "$icons/prism.png"
sed -e "s|^Exec=.*|Exec=\"$here/prism\"|" -e "s|^Icon=.*|Icon=$here/prism.png|" \
  "$here/prism.desktop" > "$apps/prism.desktop"
ln -sf "$here/prism" "$bin/crm"
echo "Prism is in the application menu; \`crm\` is in $bin."
