; Sổ Chi bộ: the Windows installer (Inno Setup 6.3 or newer).
;
; installer/windows/build.ps1 builds the PyInstaller bundle, then compiles this script:
;   ISCC /DAppVersion=0.1.0 /DNumericVersion=0.1.0.0 /DBundleDir=..\..\dist\sochibo
;        /DOutputDir=..\..\dist /DVietnameseMessages=<Vietnamese.isl> sochibo.iss
; and gets dist\SoChiBo-<version>-setup.exe. This file is UTF-8 with a BOM: without the
; BOM Inno Setup reads it as ANSI and the Vietnamese below turns to garbage.
;
; The user's data (database, backups, settings) is not in the program folder but in
; %APPDATA%\SoChiBo (desktop/config.py: platformdirs' roaming user data folder). Setup
; never writes there, an upgrade never touches it, and the uninstaller removes it only
; when the user answers "Có" to an explicit question whose default is "Không".

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (installer/windows/build.ps1 does)
#endif
#ifndef NumericVersion
  #define NumericVersion AppVersion
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\sochibo"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef VietnameseMessages
  #define VietnameseMessages "compiler:Languages\Unofficial\Vietnamese.isl"
#endif

#define AppName "Sổ Chi bộ"
#define AppExe "sochibo.exe"
#define DataFolderName "SoChiBo"

[Setup]
; Never change AppId: Setup recognises an installed copy by it and upgrades it in place.
AppId={{141E10AA-59C2-4B6F-9ED4-B4293349CCC1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Sổ Chi bộ
VersionInfoVersion={#NumericVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription=Cài đặt {#AppName}
DefaultDirName={autopf}\SoChiBo
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; Installs for every user of the PC; a user without administrator rights may choose to
; install for themselves only.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=SoChiBo-{#AppVersion}-setup
SetupIconFile=sochibo.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
Name: "vi"; MessagesFile: "{#VietnameseMessages}"

[Messages]
; Vietnamese.isl (written for Inno Setup 6.0) leaves the install-mode question in English.
vi.PrivilegesRequiredOverrideTitle=Chọn cách cài đặt
vi.PrivilegesRequiredOverrideInstruction=Cài cho ai dùng?
vi.PrivilegesRequiredOverrideText1=%1 có thể được cài cho mọi người dùng máy này (cần quyền quản trị), hoặc chỉ cho riêng bạn.
vi.PrivilegesRequiredOverrideText2=%1 có thể được cài chỉ cho riêng bạn, hoặc cho mọi người dùng máy này (cần quyền quản trị).
vi.PrivilegesRequiredOverrideAllUsers=Cài cho &mọi người dùng
vi.PrivilegesRequiredOverrideAllUsersRecommended=Cài cho &mọi người dùng (nên chọn)
vi.PrivilegesRequiredOverrideCurrentUser=Chỉ cài cho &riêng tôi
vi.PrivilegesRequiredOverrideCurrentUserRecommended=Chỉ cài cho &riêng tôi (nên chọn)

[Tasks]
; Checked by default: most users start the app from the desktop.
Name: "desktopicon"; Description: "Tạo lối tắt trên màn hình nền (Desktop)"; GroupDescription: "Lối tắt:"

[InstallDelete]
; An upgrade replaces the program's files wholesale, so no file of the old version is
; left behind to be loaded by the new one. Only the program folder is cleaned.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Sổ tay điện tử của bí thư chi bộ"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Sổ tay điện tử của bí thư chi bộ"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "Mở {#AppName} ngay"; Flags: nowait postinstall skipifsilent

[Code]
function DataFolder(): String;
begin
  Result := ExpandConstant('{userappdata}\{#DataFolderName}');
end;

// The data is kept unless the user says otherwise: a silent uninstall never asks and
// never deletes, and the default button keeps everything. A task dialog, because a
// plain message box would label its buttons in the language of Windows, not ours.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and (not UninstallSilent()) and DirExists(DataFolder()) then
  begin
    if TaskDialogMsgBox('Xóa luôn dữ liệu của Sổ Chi bộ?',
         'Phần mềm đã được gỡ. Dữ liệu (danh sách đảng viên, biên bản, các bản sao lưu) ' +
         'vẫn được giữ trong thư mục:' + #13#10 + DataFolder() + #13#10#13#10 +
         'Nếu giữ lại, khi cài lại phần mềm sẽ mở đúng dữ liệu cũ. ' +
         'Chỉ xóa khi chắc chắn không còn cần dữ liệu này.',
         mbConfirmation, MB_YESNO or MB_DEFBUTTON2,
         ['Xóa dữ liệu', 'Giữ lại dữ liệu'], 0) = IDYES then
      DelTree(DataFolder(), True, True, True);
  end;
end;
