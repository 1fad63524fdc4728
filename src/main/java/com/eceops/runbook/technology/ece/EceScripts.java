package com.eceops.runbook.technology.ece;

import com.eceops.runbook.technology.powershell.PowerShellScript;

/**
 * ECE on its servers: what setup left (inst-*), the web server files (post-10, final-6) and the patch installer
 * (patch-3). Paths go to -LiteralPath; a service is found by comparing names. Pure renderers.
 */
public final class EceScripts {

    private EceScripts() {
    }

    /**
     * The evidence of an installation: the Cisco service (Get-Service), the ECE home the inventory names
     * (Test-Path), and the web server's gadget file below it, which only the Web Server component installs.
     */
    public static PowerShellScript readInstallation(String serviceName, String eceHome, String webServerFile) {
        return PowerShellScript.of("read the ECE installation", """
                $service = Get-Service | Where-Object { $_.Name -eq $ServiceName }
                $homePresent = Test-Path -LiteralPath $EceHome -PathType Container
                $webFile = $homePresent -and (Test-Path -LiteralPath (Join-Path -Path $EceHome -ChildPath $WebServerFile) -PathType Leaf)
                [pscustomobject]@{ servicePresent = ($null -ne $service); homePresent = [bool]$homePresent; webServerFilePresent = [bool]$webFile } | ConvertTo-Json -Compress -Depth 5
                """).with("ServiceName", serviceName).with("EceHome", eceHome).with("WebServerFile", webServerFile);
    }

    /**
     * A configuration file as text. Files with a byte order mark are read in its encoding; files without one must be
     * valid UTF-8 (ASCII is), otherwise the script refuses rather than hand back a garbled text that a later write
     * would store.
     */
    public static PowerShellScript readConfigFile(String path) {
        return PowerShellScript.of("read an ECE configuration file", """
                if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) { throw ('no such file: ' + $Path) }
                $bytes = [System.IO.File]::ReadAllBytes($Path)
                $bom = ($bytes.Length -ge 2 -and (($bytes[0] -eq 0xFF -and $bytes[1] -eq 0xFE) -or ($bytes[0] -eq 0xFE -and $bytes[1] -eq 0xFF))) -or ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF)
                if ($bom) {
                    $text = [System.IO.File]::ReadAllText($Path)
                } else {
                    $strict = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false, $true
                    try { $text = $strict.GetString($bytes) } catch { throw ($Path + ' is neither UTF-8 nor marked with a byte order mark; edit it by hand') }
                }
                [pscustomobject]@{ exists = $true; content = $text } | ConvertTo-Json -Compress -Depth 5
                """).with("Path", path);
    }

    /**
     * Writes the text in the file's own encoding (a UTF-8 or UTF-16 byte order mark is kept; a file without one
     * stays without), unless it already reads the same; then reads it back.
     */
    public static PowerShellScript writeConfigFile(String path, String content) {
        return PowerShellScript.of("write an ECE configuration file", """
                if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) { throw ('no such file: ' + $Path) }
                $bytes = [System.IO.File]::ReadAllBytes($Path)
                if ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) {
                    $encoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $true
                } elseif ($bytes.Length -ge 2 -and $bytes[0] -eq 0xFF -and $bytes[1] -eq 0xFE) {
                    $encoding = New-Object -TypeName System.Text.UnicodeEncoding -ArgumentList $false, $true
                } elseif ($bytes.Length -ge 2 -and $bytes[0] -eq 0xFE -and $bytes[1] -eq 0xFF) {
                    $encoding = New-Object -TypeName System.Text.UnicodeEncoding -ArgumentList $true, $true
                } else {
                    $strict = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false, $true
                    try { $strict.GetString($bytes) | Out-Null } catch { throw ($Path + ' is neither UTF-8 nor marked with a byte order mark; edit it by hand') }
                    $encoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
                }
                if ([System.IO.File]::ReadAllText($Path, $encoding) -ceq $Content) {
                    [pscustomobject]@{ changed = $false; before = 'same content'; after = 'same content' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                [System.IO.File]::WriteAllText($Path, $Content, $encoding)
                if ([System.IO.File]::ReadAllText($Path, $encoding) -cne $Content) { throw ('read back of ' + $Path + ' differs from what was written') }
                [pscustomobject]@{ changed = $true; before = 'other content'; after = 'written' } | ConvertTo-Json -Compress -Depth 5
                """).with("Path", path).with("Content", content);
    }

    /**
     * patch-3's payload, run detached: the readme's command goes into a batch file beside the payload (cmd.exe reads
     * it in the OEM code page), so that no quoting of PowerShell's or cmd's touches it, and runs in the unzipped
     * patch's folder; the batch's exit code is the payload's.
     */
    public static PowerShellScript runPatchInstaller(String patch, String folder, String command) {
        return PowerShellScript.of("run the patch installer of " + patch, """
                $batch = Join-Path -Path $PSScriptRoot -ChildPath 'install.cmd'
                $oem = [System.Text.Encoding]::GetEncoding([System.Globalization.CultureInfo]::CurrentCulture.TextInfo.OEMCodePage)
                [System.IO.File]::WriteAllText($batch, ("@echo off`r`n" + $Command + "`r`n"), $oem)
                Set-Location -LiteralPath $Folder
                & cmd.exe /d /c $batch
                exit $LASTEXITCODE
                """).with("Folder", folder).with("Command", command);
    }
}
