; Inno Setup script: wraps the PyInstaller folder dist\maegler in a per-user installer.
#define AppVersion "0.1.0"
[Setup]
AppName=Mægler
AppVersion={#AppVersion}
AppPublisher=Væksthus Midtjylland
DefaultDirName={localappdata}\Programs\Maegler
DefaultGroupName=Mægler
PrivilegesRequired=lowest
OutputBaseFilename=maegler-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Files]
Source: "..\..\dist\maegler\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\Mægler"; Filename: "{app}\maegler.exe"
Name: "{userdesktop}\Mægler"; Filename: "{app}\maegler.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Opret genvej på skrivebordet"
