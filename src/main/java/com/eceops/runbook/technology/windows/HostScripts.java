package com.eceops.runbook.technology.windows;

import com.eceops.runbook.technology.powershell.PowerShellScript;

import java.util.List;

/** pre-1 and sys-2: what a server is, which features it has, and restarting it. Pure renderers. */
public final class HostScripts {

    private HostScripts() {
    }

    /**
     * The three places Windows Server 2016 marks a pending restart: CBS, Windows Update, file renames. Sizes
     * divide by a variable, not the 1GB suffix, which tree-sitter-powershell does not read in capitals.
     */
    public static PowerShellScript readHostFacts() {
        return PowerShellScript.of("read host facts", """
                $gb = 1024 * 1024 * 1024
                $os = Get-CimInstance -ClassName Win32_OperatingSystem
                $drives = @(Get-CimInstance -ClassName Win32_LogicalDisk | Where-Object { $_.DriveType -eq 3 } | ForEach-Object {
                    [pscustomobject]@{ letter = $_.DeviceID.Substring(0, 1); sizeGb = [long]($_.Size / $gb); freeGb = [long]($_.FreeSpace / $gb) }
                })
                $cbs = Test-Path -LiteralPath 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending'
                $wu = Test-Path -LiteralPath 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired'
                $renames = Get-ItemProperty -LiteralPath 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Session Manager' -Name PendingFileRenameOperations -ErrorAction SilentlyContinue
                $pending = $cbs -or $wu -or ($null -ne $renames)
                [pscustomobject]@{ osCaption = $os.Caption; osVersion = $os.Version; drives = $drives; restartPending = [bool]$pending } | ConvertTo-Json -Compress -Depth 5
                """);
    }

    public static PowerShellScript checkReachable() {
        return PowerShellScript.of("check the server answers", """
                [pscustomobject]@{ reachable = $true; computer = $env:COMPUTERNAME } | ConvertTo-Json -Compress -Depth 5
                """);
    }

    public static PowerShellScript installedFeatures() {
        return PowerShellScript.of("read installed features", """
                $names = @(Get-WindowsFeature | Where-Object { $_.Installed } | ForEach-Object { $_.Name })
                [pscustomobject]@{ names = $names } | ConvertTo-Json -Compress -Depth 5
                """);
    }

    /**
     * Management tools come with the feature, as the wizard's "Add Features" prompt adds them. RestartNeeded is Yes,
     * No or Maybe: anything but No is taken as a restart, since a restart that was not needed costs minutes and one
     * left out leaves the features half installed.
     */
    public static PowerShellScript installFeatures(List<String> features) {
        return PowerShellScript.of("install features", """
                $result = Install-WindowsFeature -Name $Features -IncludeManagementTools
                $installed = @($result.FeatureResult | Where-Object { $_.Success } | ForEach-Object { $_.Name })
                [pscustomobject]@{ success = [bool]$result.Success; restartNeeded = ([string]$result.RestartNeeded -ne 'No'); installed = $installed } | ConvertTo-Json -Compress -Depth 5
                """).with("Features", features);
    }

    /** Restart-Computer returns once the restart is under way; the session may break right after. */
    public static PowerShellScript restart() {
        return PowerShellScript.of("restart the server", """
                Restart-Computer -Force
                [pscustomobject]@{ restarting = $true } | ConvertTo-Json -Compress -Depth 5
                """);
    }
}
