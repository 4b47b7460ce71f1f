; Prism's Windows installer (Inno Setup 6). packaging/build.py runs it on Windows after the
; PyInstaller build, passing the version from pyproject.toml:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\Prism /DIconFile=build\stage\prism.ico /Odist packaging\windows\prism.iss
;
; Per user: no administrator rights, installed under %LOCALAPPDATA%\Programs\Prism, Start menu
; entry for this user. The book is NOT in the install folder (it lives in
; %LOCALAPPDATA%\Prism\Prism): uninstalling removes only the program; the officer's data,
; backups and settings stay for the next install.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (packaging/build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Prism"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\stage\prism.ico"
#endif

[Setup]
; Never change AppId: upgrades find the installed Prism by it.
AppId={{F976C28C-EAAF-4510-AAA6-39632FC0E0D8}
AppName=Prism
AppVerName=Prism {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Prism
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={userpf}\Prism
DefaultGroupName=Prism
DisableProgramGroupPage=yes
DisableDirPage=auto
OutputBaseFilename=prism-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Prism.exe
UninstallDisplayName=Prism {#AppVersion}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An update closes a running Prism (Restart Manager) instead of failing on locked files.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A folder build of an older version may hold libraries the new one no longer ships.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Prism"; Filename: "{app}\Prism.exe"; Comment: "Prism client book"
Name: "{group}\{cm:UninstallProgram,Prism}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Prism"; Filename: "{app}\Prism.exe"; Tasks: desktopicon

[Registry]
; Start at login (File -> Settings) writes this value; it would point at a removed program.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "Prism"; Flags: uninsdeletevalue dontcreatekey

[Run]
Filename: "{app}\Prism.exe"; Description: "{cm:LaunchProgram,Prism}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the book, its backups and settings are the officer's, kept on uninstall.
