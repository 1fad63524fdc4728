package com.eceops.runbook.technology.windows;

import com.eceops.runbook.technology.powershell.PowerShellScript;

/**
 * post-2, patch-1.2, patch-1.3, patch-4.3: services and the processes of an account. A service is found by
 * comparing names, never by -Name, which would read wildcards in a name. Pure renderers.
 */
public final class ServiceScripts {

    private static final String FIND = """
            $service = Get-Service | Where-Object { $_.Name -eq $ServiceName }
            if ($null -eq $service) { throw ('no such service: ' + $ServiceName) }
            """;

    private ServiceScripts() {
    }

    public static PowerShellScript readService(String service) {
        return PowerShellScript.of("read service", """
                $service = Get-CimInstance -ClassName Win32_Service | Where-Object { $_.Name -eq $ServiceName }
                if ($null -eq $service) {
                    [pscustomobject]@{ exists = $false } | ConvertTo-Json -Compress -Depth 5
                } else {
                    [pscustomobject]@{ exists = $true; state = $service.State; startMode = $service.StartMode; account = $service.StartName } | ConvertTo-Json -Compress -Depth 5
                }
                """).with("ServiceName", service);
    }

    /** {@code startupType} is Automatic, Manual or Disabled, Set-Service's own words. */
    public static PowerShellScript setStartType(String service, String startupType) {
        return PowerShellScript.of("set service start type", FIND + """
                $before = [string]$service.StartType
                if ($before -eq $StartupType) {
                    [pscustomobject]@{ changed = $false; before = $before; after = $before } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $service | Set-Service -StartupType $StartupType
                [pscustomobject]@{ changed = $true; before = $before; after = $StartupType } | ConvertTo-Json -Compress -Depth 5
                """).with("ServiceName", service).with("StartupType", startupType);
    }

    /** Start-Service waits for Running; ECE's Cisco service may take 15 minutes, so this runs detached. */
    public static PowerShellScript startService(String service) {
        return PowerShellScript.of("start service", FIND + """
                $before = [string]$service.Status
                if ($before -eq 'Running') {
                    [pscustomobject]@{ changed = $false; before = $before; after = $before } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $service | Start-Service
                [pscustomobject]@{ changed = $true; before = $before; after = 'Running' } | ConvertTo-Json -Compress -Depth 5
                """).with("ServiceName", service);
    }

    /** -NoWait: the process model polls for StopPending to end instead of holding a session for minutes. */
    public static PowerShellScript stopService(String service) {
        return PowerShellScript.of("stop service", FIND + """
                $before = [string]$service.Status
                if ($before -eq 'Stopped' -or $before -eq 'StopPending') {
                    [pscustomobject]@{ changed = $false; before = $before; after = $before } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $service | Stop-Service -NoWait -Force
                [pscustomobject]@{ changed = $true; before = $before; after = 'StopPending' } | ConvertTo-Json -Compress -Depth 5
                """).with("ServiceName", service);
    }

    /**
     * An account written DOMAIN\\user matches domain and user; a bare user name matches the user only. A process that
     * ends between the enumeration and GetOwner makes Invoke-CimMethod throw (terminating under ErrorActionPreference
     * Stop): it is skipped, as are processes whose owner cannot be read (GetOwner returns 2, 3, 8, 9 or 21).
     */
    public static PowerShellScript countProcessesRunningAs(String account) {
        return PowerShellScript.of("count processes of the account", """
                $count = 0
                foreach ($process in Get-CimInstance -ClassName Win32_Process) {
                    try {
                        $owner = Invoke-CimMethod -InputObject $process -MethodName GetOwner
                    } catch {
                        continue
                    }
                    if ($owner.ReturnValue -ne 0) { continue }
                    $qualified = $owner.Domain + '\\' + $owner.User
                    if ($qualified -eq $Account -or $owner.User -eq $Account) { $count++ }
                }
                [pscustomobject]@{ count = $count } | ConvertTo-Json -Compress -Depth 5
                """).with("Account", account);
    }
}
