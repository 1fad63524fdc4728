package com.eceops.runbook.technology.windows;

import com.eceops.runbook.technology.powershell.PowerShellScript;

/**
 * pre-6.3: the inbound firewall rules of the endpoint and listener ports (NetSecurity module, Windows Server 2012 and
 * later). The rule is found by its unique name; its port filter is read through {@code Get-NetFirewallPortFilter}.
 * Pure renderers.
 */
public final class FirewallScripts {

    /** The rule's state in the shape {@link FirewallRule.State} reads; both scripts end with it. */
    private static final String READ_BACK = """
            $rule = Get-NetFirewallRule -Name $Name -ErrorAction SilentlyContinue
            if ($null -eq $rule) {
                $state = [pscustomobject]@{ present = $false; enabled = $false; direction = $null; action = $null; protocol = $null; localPorts = @() }
            } else {
                $filter = $rule | Get-NetFirewallPortFilter
                $state = [pscustomobject]@{ present = $true; enabled = ([string]$rule.Enabled -eq 'True'); direction = [string]$rule.Direction; action = [string]$rule.Action; protocol = [string]$filter.Protocol; localPorts = @($filter.LocalPort | ForEach-Object { [string]$_ }) }
            }
            """;

    private FirewallScripts() {
    }

    public static PowerShellScript readRule(String name) {
        return PowerShellScript.of("read firewall rule", READ_BACK + """
                $state | ConvertTo-Json -Compress -Depth 5
                """).with("Name", name);
    }

    /**
     * Adds the rule when it is missing; sets it to what it must be when it differs (a rule of the runbook's name that
     * someone disabled or narrowed); leaves a matching rule alone. Answers the change and the state read back.
     */
    public static PowerShellScript ensureRule(FirewallRule rule) {
        return PowerShellScript.of("open firewall port", READ_BACK + """
                $before = if ($state.present) { "$($state.enabled) $($state.direction) $($state.action) $($state.protocol) $($state.localPorts -join ',')" } else { 'absent' }
                $wanted = $state.present -and $state.enabled -and $state.direction -eq 'Inbound' -and $state.action -eq 'Allow' -and $state.protocol -eq 'TCP' -and (($state.localPorts -join ',') -eq [string]$Port)
                if ($wanted) {
                    [pscustomobject]@{ changed = $false; before = $before; after = $before } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                if ($state.present) {
                    Set-NetFirewallRule -Name $Name -DisplayName $DisplayName -Enabled True -Direction Inbound -Action Allow -Protocol TCP -LocalPort $Port -Profile Any
                } else {
                    New-NetFirewallRule -Name $Name -DisplayName $DisplayName -Enabled True -Direction Inbound -Action Allow -Protocol TCP -LocalPort $Port -Profile Any | Out-Null
                }
                """ + READ_BACK + """
                $after = "$($state.enabled) $($state.direction) $($state.action) $($state.protocol) $($state.localPorts -join ',')"
                [pscustomobject]@{ changed = $true; before = $before; after = $after } | ConvertTo-Json -Compress -Depth 5
                """).with("Name", rule.name()).with("DisplayName", rule.displayName()).with("Port", rule.port());
    }
}
