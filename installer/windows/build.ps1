<#
.SYNOPSIS
  Builds dist\SoChiBo-<version>-setup.exe on a Windows build machine.

.DESCRIPTION
  1. Reads the app's version from desktop\__init__.py (installer.build_bundle.app_version).
  2. Builds the one-folder bundle dist\sochibo with installer\sochibo.spec (PyInstaller).
  3. Runs the bundle once: loads the sample cell into a throw-away data folder and prints
     the roster to PDF, so a broken bundle never becomes an installer.
  4. Finds Inno Setup 6 (ISCC.exe) and the Vietnamese messages file, Vietnamese.isl.
     Inno Setup's own installer copies only the official translations (Languages\*.isl)
     and Vietnamese is an unofficial one, kept in the Inno Setup sources as
     Files/Languages/Unofficial/Vietnamese.isl. A copy put by hand into the Inno Setup
     folder (Languages\Unofficial\ or Languages\) is used; otherwise the file is fetched
     from jrsoftware/issrc at a pinned commit into build\inno\.
  5. Compiles installer\windows\sochibo.iss with the version and paths.

  Needs 64-bit Python 3.11 with the app installed: python -m pip install -e ".[test]"
  (PyInstaller is in the test extra), and Inno Setup 6.3 or newer
  (choco install innosetup, or the installer from jrsoftware.org).

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#>
param(
  [string]$Python = "python",
  [string]$InnoDir = "",
  [switch]$SkipBundle
)

$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Dist = Join-Path $Root "dist"
$Work = Join-Path $Root "build"
$Bundle = Join-Path $Dist "sochibo"
$Exe = Join-Path $Bundle "sochibo.exe"
$VietnameseIslUrl = "https://raw.githubusercontent.com/jrsoftware/issrc/7e4637c5ba4c1fdd7f9e67214d0a8cc83ad692ac/Files/Languages/Unofficial/Vietnamese.isl"

function Invoke-Checked([string]$File, [string[]]$Arguments) {
  & $File @Arguments
  if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed ($LASTEXITCODE)" }
}

Push-Location $Root
try {
  # 1. One version for the app, the bundle and the installer.
  $Version = (& $Python -c "from installer.build_bundle import app_version; print(app_version())").Trim()
  if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "Cannot read the version from desktop\__init__.py" }
  # Windows file versions are four numbers: 0.2.0rc1 -> 0.2.0.0
  $Parts = ($Version -replace '[^0-9.].*$', '').Split('.', [StringSplitOptions]::RemoveEmptyEntries)
  $NumericVersion = (@($Parts) + @('0', '0', '0', '0'))[0..3] -join '.'
  Write-Host "Sổ Chi bộ $Version ($NumericVersion)"

  # 2. The bundle.
  if (-not $SkipBundle) {
    Invoke-Checked $Python @('-m', 'installer.build_bundle', '--dist', $Dist, '--work', (Join-Path $Work 'pyinstaller'))
  }
  if (-not (Test-Path $Exe)) { throw "No bundle at $Bundle" }

  # 3. Smoke test of the bundle (a window app: run it and wait for its exit code).
  $Scratch = Join-Path ([IO.Path]::GetTempPath()) ("sochibo-smoke-" + [Guid]::NewGuid())
  $Pdf = Join-Path $Scratch "danh-sach.pdf"
  foreach ($Arguments in @(@('--data', "`"$Scratch\data`"", 'demo'),
                           @('--data', "`"$Scratch\data`"", 'print', 'roster', '-o', "`"$Pdf`""))) {
    $Run = Start-Process -FilePath $Exe -ArgumentList $Arguments -Wait -PassThru -WindowStyle Hidden
    if ($Run.ExitCode -ne 0) { throw "sochibo.exe $($Arguments -join ' ') exited with $($Run.ExitCode)" }
  }
  if (-not (Test-Path $Pdf)) { throw "The bundle printed no roster" }
  Remove-Item -Recurse -Force $Scratch

  # 4. Inno Setup and its Vietnamese messages.
  $Candidates = @($InnoDir,
                  (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6"),
                  (Join-Path $env:ProgramFiles "Inno Setup 6"),
                  (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6")) | Where-Object { $_ }
  $Inno = $Candidates | Where-Object { Test-Path (Join-Path $_ "ISCC.exe") } | Select-Object -First 1
  if (-not $Inno) { throw "Inno Setup 6 not found (looked in: $($Candidates -join '; ')). Install it or pass -InnoDir." }
  $Iscc = Join-Path $Inno "ISCC.exe"

  $Isl = @((Join-Path $Inno "Languages\Unofficial\Vietnamese.isl"),
           (Join-Path $Inno "Languages\Vietnamese.isl")) | Where-Object { Test-Path $_ } | Select-Object -First 1
  if (-not $Isl) {
    $Isl = Join-Path $Work "inno\Vietnamese.isl"
    New-Item -ItemType Directory -Force (Split-Path $Isl) | Out-Null
    Write-Host "Vietnamese.isl is not in $Inno; fetching $VietnameseIslUrl"
    Invoke-WebRequest -Uri $VietnameseIslUrl -OutFile $Isl -UseBasicParsing
  }
  if (-not (Select-String -Path $Isl -Pattern 'LanguageID=\$042A' -Quiet)) { throw "$Isl is not Inno Setup's Vietnamese messages file" }

  # 5. The installer.
  Invoke-Checked $Iscc @('/Qp',
    "/DAppVersion=$Version",
    "/DNumericVersion=$NumericVersion",
    "/DBundleDir=$Bundle",
    "/DOutputDir=$Dist",
    "/DVietnameseMessages=$Isl",
    (Join-Path $PSScriptRoot "sochibo.iss"))
  $Setup = Join-Path $Dist "SoChiBo-$Version-setup.exe"
  if (-not (Test-Path $Setup)) { throw "ISCC wrote no $Setup" }
  $Size = (Get-Item $Setup).Length / 1MB
  Write-Host ("{0} ({1:N0} MiB)" -f $Setup, $Size)
}
finally {
  Pop-Location
}
