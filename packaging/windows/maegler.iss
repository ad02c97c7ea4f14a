; Inno Setup script: wraps the PyInstaller folder dist\maegler in a per-user installer (no
; administrator rights), with a start-menu entry and "Start Mægler" on the last page.
; Build it on Windows after the bundle (packaging/README.md), giving the package's version:
;   iscc /DAppVersion=0.1.0 packaging\windows\maegler.iss
; The icon is the one the bundle's build made (build\pyinstaller\maegler\maegler.ico, from
; resources\icons\maegler.svg by packaging\make_icon.py).
#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z (mægler_app.__version__)
#endif
#ifndef IconFile
  #define IconFile "..\..\build\pyinstaller\maegler\maegler.ico"
#endif

[Setup]
; AppId names the program to Windows across versions: never change it (an upgrade finds the old one by it)
AppId={{6F0B7E1C-3D2A-4C59-9B1E-8A4F2D7C5E31}
AppName=Mægler
AppVersion={#AppVersion}
AppVerName=Mægler {#AppVersion}
AppPublisher=Væksthus Midtjylland
DefaultDirName={localappdata}\Programs\Maegler
DefaultGroupName=Mægler
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\maegler.exe
UninstallDisplayName=Mægler
OutputDir=..\..\dist
OutputBaseFilename=maegler-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "Opret genvej på skrivebordet"; Flags: unchecked

[Files]
Source: "..\..\dist\maegler\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[InstallDelete]
; an update replaces the program folder whole, so no file of an older version stays behind
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Mægler"; Filename: "{app}\maegler.exe"; IconFilename: "{app}\maegler.exe"
Name: "{group}\Afinstallér Mægler"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Mægler"; Filename: "{app}\maegler.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\maegler.exe"; Description: "Start Mægler"; Flags: nowait postinstall skipifsilent
