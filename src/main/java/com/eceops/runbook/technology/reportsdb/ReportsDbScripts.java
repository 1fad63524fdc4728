package com.eceops.runbook.technology.reportsdb;

import com.eceops.runbook.technology.powershell.NetworkReach;
import com.eceops.runbook.technology.powershell.PowerShellScript;

import java.util.List;

import com.eceops.runbook.estate.Secret;

/**
 * post-7: the ReportsDB utility's scripts. Paths go to -LiteralPath; the properties file is written as ASCII, which
 * is what Java's Properties reads (ISO-8859-1), and every character above 0x7E arrives escaped as \\uXXXX. Pure
 * renderers.
 */
public final class ReportsDbScripts {

    /** Lines of the utility's log a read brings back. */
    static final int LOG_TAIL_LINES = 60;

    private ReportsDbScripts() {
    }

    /** Copies the files that are missing at the target; a file already there may carry the runbook's edits. */
    public static PowerShellScript copyDirectory(String source, String target) {
        PowerShellScript script = PowerShellScript.of("copy directory", """
                if (-not (Test-Path -LiteralPath $Source -PathType Container)) {
                    throw ('no such directory: ' + $Source)
                }
                $root = (Get-Item -LiteralPath $Source).FullName.TrimEnd('\\')
                $copied = 0
                foreach ($file in @(Get-ChildItem -LiteralPath $root -Recurse -File)) {
                    $relative = $file.FullName.Substring($root.Length + 1)
                    $destination = [System.IO.Path]::Combine($Target, $relative)
                    if (-not (Test-Path -LiteralPath $destination -PathType Leaf)) {
                        [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($destination)) | Out-Null
                        Copy-Item -LiteralPath $file.FullName -Destination $destination
                        $copied++
                    }
                }
                if ($copied -eq 0) {
                    [pscustomobject]@{ changed = $false; before = 'copied'; after = 'copied' } | ConvertTo-Json -Compress -Depth 5
                } else {
                    [pscustomobject]@{ changed = $true; before = 'files missing'; after = ([string]$copied + ' files copied') } | ConvertTo-Json -Compress -Depth 5
                }
                """).with("Source", source).with("Target", target);
        return source.startsWith("\\\\") ? script.reaching(NetworkReach.SECOND_MACHINE) : script;
    }

    /**
     * Fills each line that is exactly {@code KEY=} of a secret key with its escaped secret, then writes the file
     * unless it already reads the same. The secrets are parameters, so the script shown or recorded masks them.
     */
    public static PowerShellScript writeProperties(String path, String content, List<String> secretKeys, List<Secret> secretValues) {
        if (secretKeys.size() != secretValues.size()) {
            throw new IllegalArgumentException("one secret per secret key");
        }
        return PowerShellScript.of("write properties file", """
                $separator = if ($Content.Contains("`r`n")) { "`r`n" } else { "`n" }
                $lines = @($Content -split "`r?`n")
                for ($i = 0; $i -lt $lines.Count; $i++) {
                    for ($k = 0; $k -lt $SecretKeys.Count; $k++) {
                        if ($lines[$i] -ceq ($SecretKeys[$k] + '=')) {
                            $lines[$i] = $lines[$i] + $SecretValues[$k]
                        }
                    }
                }
                $text = $lines -join $separator
                $ascii = New-Object -TypeName System.Text.ASCIIEncoding
                $exists = Test-Path -LiteralPath $Path -PathType Leaf
                if ($exists -and ([System.IO.File]::ReadAllText($Path, $ascii) -ceq $text)) {
                    [pscustomobject]@{ changed = $false; before = 'same content'; after = 'same content' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                [System.IO.File]::WriteAllText($Path, $text, $ascii)
                $before = if ($exists) { 'other content' } else { 'absent' }
                [pscustomobject]@{ changed = $true; before = $before; after = 'written' } | ConvertTo-Json -Compress -Depth 5
                """).with("Path", path).with("Content", content).with("SecretKeys", List.copyOf(secretKeys))
                .with("SecretValues", List.copyOf(secretValues));
    }

    /** The file with the value of each secret key replaced by ****** when set: the secrets never leave the server. */
    public static PowerShellScript readPropertiesMasked(String path, List<String> secretKeys) {
        return PowerShellScript.of("read properties file", """
                if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
                    [pscustomobject]@{ exists = $false; content = $null } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $text = [System.IO.File]::ReadAllText($Path)
                $separator = if ($text.Contains("`r`n")) { "`r`n" } else { "`n" }
                $lines = @($text -split "`r?`n")
                for ($i = 0; $i -lt $lines.Count; $i++) {
                    $trimmed = $lines[$i].TrimStart()
                    $key = ($trimmed -split '[=: \\t]', 2)[0]
                    if ($SecretKeys -ccontains $key) {
                        $rest = $trimmed.Substring($key.Length).TrimStart()
                        if ($rest.StartsWith('=') -or $rest.StartsWith(':')) {
                            $rest = $rest.Substring(1).TrimStart()
                        }
                        $lines[$i] = if ($rest.Length -gt 0) { $key + '=******' } else { $key + '=' }
                    }
                }
                [pscustomobject]@{ exists = $true; content = ($lines -join $separator) } | ConvertTo-Json -Compress -Depth 5
                """).with("Path", path).with("SecretKeys", List.copyOf(secretKeys));
    }

    /** The payload of the detached run: the batch file as the document has it typed, from its own directory. */
    public static PowerShellScript runCreateDbObjects(String directory) {
        return PowerShellScript.of("run reportsdb_utility.bat createDBObjects", """
                Set-Location -LiteralPath $Directory
                & cmd.exe /d /c 'reportsdb_utility.bat createDBObjects'
                exit $LASTEXITCODE
                """).with("Directory", directory);
    }

    /** The end of the newest *ReportsDBUtil.log in the directory's logs folder. */
    public static PowerShellScript readLogTail(String directory) {
        return PowerShellScript.of("read the ReportsDB utility log", """
                $logs = Join-Path -Path $Directory -ChildPath 'logs'
                $log = $null
                if (Test-Path -LiteralPath $logs -PathType Container) {
                    $log = Get-ChildItem -LiteralPath $logs -File | Where-Object { $_.Name -like '*ReportsDBUtil.log' } | Sort-Object -Property LastWriteTimeUtc -Descending | Select-Object -First 1
                }
                if ($null -eq $log) {
                    [pscustomobject]@{ exists = $false; content = $null } | ConvertTo-Json -Compress -Depth 5
                } else {
                    $tail = @(Get-Content -LiteralPath $log.FullName -Tail $TailLines) -join "`n"
                    [pscustomobject]@{ exists = $true; content = ($log.Name + "`n" + $tail) } | ConvertTo-Json -Compress -Depth 5
                }
                """).with("Directory", directory).with("TailLines", LOG_TAIL_LINES);
    }
}
