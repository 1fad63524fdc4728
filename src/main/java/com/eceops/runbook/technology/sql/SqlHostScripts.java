package com.eceops.runbook.technology.sql;

import com.eceops.runbook.technology.powershell.PowerShellScript;

/**
 * pre-6.1 on the collocated server itself: what T-SQL cannot do to an instance. Pure renderers; the values are
 * bound as literals above a fixed body, and a service is found by comparing names, never by a wildcard.
 */
public final class SqlHostScripts {

    /** How long the restart waits for each service to be Running; SQL Server recovers its databases first. */
    static final int RESTART_WAIT_SECONDS = 240;

    private SqlHostScripts() {
    }

    /**
     * {@code Enable-SqlAlwaysOn -ServerInstance ... -NoServiceRestart -Force}: the setting only, because the
     * restart is its own step ({@link #restartSqlService}) that brings SQL Server Agent back too.
     * Enable-SqlAlwaysOn is in both the SqlServer module (PowerShell Gallery, not on a fresh Windows Server 2016)
     * and the SQLPS module SQL Server 2016's setup installs; the newer is taken where it is there. Relied on:
     * https://learn.microsoft.com/en-us/powershell/module/sqlserver/enable-sqlalwayson (ByName parameter set,
     * -NoServiceRestart, -Force; "If the feature is already enabled, no action is performed") and
     * https://learn.microsoft.com/en-us/powershell/module/sqlps/enable-sqlalwayson (the same cmdlet in SQLPS).
     * Importing SQLPS moves the location to SQLSERVER:\, hence Push-Location/Pop-Location.
     */
    public static PowerShellScript enableAlwaysOn(String serverInstance) {
        return PowerShellScript.of("enable AlwaysOn", """
                Push-Location
                try {
                    if (Get-Module -ListAvailable -Name SqlServer) {
                        Import-Module SqlServer -DisableNameChecking
                    } else {
                        Import-Module SQLPS -DisableNameChecking
                    }
                    Enable-SqlAlwaysOn -ServerInstance $ServerInstance -NoServiceRestart -Force
                } finally {
                    Pop-Location
                }
                [pscustomobject]@{ changed = $true; before = 'AlwaysOn disabled'; after = 'AlwaysOn enabled, in effect after the SQL Server service restarts' } | ConvertTo-Json -Compress -Depth 5
                """).with("ServerInstance", serverInstance);
    }

    /**
     * Restart-Service -Force restarts the engine and stops what depends on it, SQL Server Agent, without
     * starting it again: the agent is started after the engine, and both are waited for until Running.
     */
    public static PowerShellScript restartSqlService(String engineService, String agentService) {
        return PowerShellScript.of("restart the SQL Server service", """
                $engine = Get-Service | Where-Object { $_.Name -eq $EngineService }
                if ($null -eq $engine) { throw ('no such service: ' + $EngineService) }
                $agent = Get-Service | Where-Object { $_.Name -eq $AgentService }
                if ($null -eq $agent) { throw ('no such service: ' + $AgentService) }
                $before = [string]$engine.Status
                Restart-Service -InputObject $engine -Force
                $engine.WaitForStatus('Running', [TimeSpan]::FromSeconds($WaitSeconds))
                Start-Service -InputObject $agent
                $agent.WaitForStatus('Running', [TimeSpan]::FromSeconds($WaitSeconds))
                [pscustomobject]@{ changed = $true; before = ($EngineService + ' ' + $before); after = ($EngineService + ' and ' + $AgentService + ' Running') } | ConvertTo-Json -Compress -Depth 5
                """).with("EngineService", engineService).with("AgentService", agentService)
                .with("WaitSeconds", RESTART_WAIT_SECONDS);
    }
}
