package com.eceops.runbook.technology.cluster;

import com.eceops.runbook.technology.powershell.NetworkReach;
import com.eceops.runbook.technology.powershell.PowerShellScript;

import java.util.List;

/**
 * pre-5 and pre-6.5: the failover cluster's scripts (FailoverClusters module). Resources, groups and parameters
 * are found by comparing names, never by {@code -Name}, which reads wildcards. Test-Cluster and New-Cluster talk to
 * the other node and to Active Directory, so they declare {@link NetworkReach#SECOND_MACHINE}; everything else
 * talks to the cluster service of the node it runs on. Pure renderers.
 */
public final class ClusterScripts {

    /** The node is in a cluster when its cluster service runs; before New-Cluster, ClusSvc is installed but stopped. */
    private static final String FIND_CLUSTER = """
            $clusterService = Get-Service | Where-Object { $_.Name -eq 'ClusSvc' }
            $cluster = $null
            if ($null -ne $clusterService -and [string]$clusterService.Status -eq 'Running') {
                $cluster = Get-Cluster
            }
            """;

    private static final String FIND_RESOURCE = """
            $resource = Get-ClusterResource | Where-Object { [string]$_.Name -eq $ResourceName }
            if ($null -eq $resource) { throw ('no cluster resource ' + $ResourceName) }
            """;

    private ClusterScripts() {
    }

    /**
     * Runs every validation test on the nodes. The verdict is not a documented property: the script returns the
     * report's path and the warning records Test-Cluster writes (one per test with warnings or failures, and the
     * overall "Test Result:" record), and {@link ClusterValidationOutput} reads them.
     */
    public static PowerShellScript validate(List<String> nodes) {
        return PowerShellScript.of("validate the cluster", """
                $reports = Join-Path -Path $env:SystemRoot -ChildPath 'Cluster\\Reports'
                [System.IO.Directory]::CreateDirectory($reports) | Out-Null
                $reportName = Join-Path -Path $reports -ChildPath ('runbook-validation-' + (Get-Date).ToUniversalTime().ToString('yyyyMMdd-HHmmss'))
                $captured = @()
                $output = @(Test-Cluster -Node $Nodes -ReportName $reportName -WarningVariable captured -WarningAction SilentlyContinue)
                $report = $output | Where-Object { $_ -is [System.IO.FileInfo] } | Select-Object -First 1
                $reportPath = if ($null -eq $report) { $null } else { [string]$report.FullName }
                $messages = @($captured | ForEach-Object { [string]$_.Message })
                [pscustomobject]@{ reportPath = $reportPath; messages = $messages } | ConvertTo-Json -Compress -Depth 5
                """).with("Nodes", List.copyOf(nodes)).reaching(NetworkReach.SECOND_MACHINE);
    }

    /** No storage (ECE has no shared disk; the quorum is a file share witness), one static IP per subnet. */
    public static PowerShellScript create(String name, List<String> nodes, List<String> staticAddresses) {
        return PowerShellScript.of("create the cluster", FIND_CLUSTER + """
                if ($null -ne $cluster) {
                    if ([string]$cluster.Name -ne $Name) { throw ('this node is already in cluster ' + $cluster.Name + ', not ' + $Name) }
                    [pscustomobject]@{ changed = $false; before = ('cluster ' + $Name); after = ('cluster ' + $Name) } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                New-Cluster -Name $Name -Node $Nodes -StaticAddress $StaticAddresses -NoStorage | Out-Null
                [pscustomobject]@{ changed = $true; before = 'no cluster'; after = ('cluster ' + $Name) } | ConvertTo-Json -Compress -Depth 5
                """).with("Name", name).with("Nodes", List.copyOf(nodes)).with("StaticAddresses", List.copyOf(staticAddresses))
                .reaching(NetworkReach.SECOND_MACHINE);
    }

    /**
     * Name, nodes and their state, the core group's IP addresses, and the quorum. The quorum type is read from the
     * witness resource's type (File Share Witness, Physical Disk, none), because the QuorumType property shown in
     * the 2012 examples of Get-ClusterQuorum is not a documented output in 2016.
     */
    public static PowerShellScript read() {
        return PowerShellScript.of("read the cluster", FIND_CLUSTER + """
                if ($null -eq $cluster) {
                    [pscustomobject]@{ exists = $false } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $nodes = @(Get-ClusterNode | ForEach-Object { [pscustomobject]@{ name = [string]$_.Name; state = [string]$_.State } })
                $ips = @(Get-ClusterResource | Where-Object { [string]$_.OwnerGroup -eq 'Cluster Group' -and [string]$_.ResourceType -eq 'IP Address' } | ForEach-Object { [string]($_ | Get-ClusterParameter -Name Address).Value })
                $witness = (Get-ClusterQuorum).QuorumResource
                $quorumType = 'NodeMajority'
                $witnessPath = $null
                if ($null -ne $witness) {
                    $witnessType = [string]$witness.ResourceType
                    if ($witnessType -eq 'File Share Witness') {
                        $quorumType = 'NodeAndFileShareMajority'
                        $witnessPath = [string]($witness | Get-ClusterParameter -Name SharePath).Value
                    } elseif ($witnessType -eq 'Physical Disk') {
                        $quorumType = 'NodeAndDiskMajority'
                    } else {
                        $quorumType = $witnessType
                    }
                }
                [pscustomobject]@{ exists = $true; name = [string]$cluster.Name; nodes = $nodes; ips = $ips; quorumType = $quorumType; witnessPath = $witnessPath } | ConvertTo-Json -Compress -Depth 5
                """);
    }

    /**
     * -FileShareWitness is the Windows Server 2012 R2/2016 name; -NodeAndFileShareMajority, the 2012 name, is its
     * alias on 2016. The cluster's computer account reaches the share, not this session.
     */
    public static PowerShellScript setFileShareWitness(String sharePath) {
        return PowerShellScript.of("set the file share witness", """
                $witness = (Get-ClusterQuorum).QuorumResource
                $before = 'no witness'
                if ($null -ne $witness) {
                    $before = [string]$witness.ResourceType
                    if ($before -eq 'File Share Witness') {
                        $current = [string]($witness | Get-ClusterParameter -Name SharePath).Value
                        if ($current -eq $SharePath) {
                            [pscustomobject]@{ changed = $false; before = ('file share witness ' + $current); after = ('file share witness ' + $current) } | ConvertTo-Json -Compress -Depth 5
                            return
                        }
                        $before = 'file share witness ' + $current
                    }
                }
                Set-ClusterQuorum -FileShareWitness $SharePath | Out-Null
                [pscustomobject]@{ changed = $true; before = $before; after = ('file share witness ' + $SharePath) } | ConvertTo-Json -Compress -Depth 5
                """).with("SharePath", sharePath);
    }

    /**
     * The FailoverClustering provider's events in the System log of this node since an instant (ISO-8601). Failover
     * Cluster Manager's "Cluster Events" gathers them from every node; this reads the node it runs on.
     */
    public static PowerShellScript readEventsSince(String sinceIso) {
        return PowerShellScript.of("read the cluster events", """
                $since = [DateTime]::Parse($Since, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind)
                try {
                    $found = @(Get-WinEvent -FilterHashtable @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-FailoverClustering'; StartTime = $since.ToLocalTime() })
                } catch {
                    if ([string]$_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*') { throw }
                    $found = @()
                }
                $events = @($found | ForEach-Object { [pscustomobject]@{ at = $_.TimeCreated.ToUniversalTime().ToString('o'); id = [int]$_.Id; level = [int]$_.Level; message = [string]$_.Message } })
                [pscustomobject]@{ events = $events } | ConvertTo-Json -Compress -Depth 5
                """).with("Since", sinceIso);
    }

    public static PowerShellScript readResourceParameter(String resource, String parameter) {
        return PowerShellScript.of("read a cluster parameter", FIND_RESOURCE + """
                $parameter = $resource | Get-ClusterParameter | Where-Object { [string]$_.Name -eq $ParameterName }
                if ($null -eq $parameter) { throw ('resource ' + $ResourceName + ' has no private parameter ' + $ParameterName) }
                [pscustomobject]@{ value = [string]$parameter.Value } | ConvertTo-Json -Compress -Depth 5
                """).with("ResourceName", resource).with("ParameterName", parameter);
    }

    /** The value is converted to the parameter's own type (HostRecordTTL is a UInt32), then stored. */
    public static PowerShellScript setResourceParameter(String resource, String parameter, String value) {
        return PowerShellScript.of("set a cluster parameter", FIND_RESOURCE + """
                $parameter = $resource | Get-ClusterParameter | Where-Object { [string]$_.Name -eq $ParameterName }
                if ($null -eq $parameter) { throw ('resource ' + $ResourceName + ' has no private parameter ' + $ParameterName) }
                $before = [string]$parameter.Value
                if ($before -eq $Value) {
                    [pscustomobject]@{ changed = $false; before = $before; after = $before } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $typed = [System.Convert]::ChangeType($Value, $parameter.Value.GetType(), [System.Globalization.CultureInfo]::InvariantCulture)
                $resource | Set-ClusterParameter -Name $ParameterName -Value $typed -WarningAction SilentlyContinue
                [pscustomobject]@{ changed = $true; before = $before; after = $Value } | ConvertTo-Json -Compress -Depth 5
                """).with("ResourceName", resource).with("ParameterName", parameter).with("Value", value);
    }

    public static PowerShellScript stopResource(String resource) {
        return PowerShellScript.of("stop a cluster resource", FIND_RESOURCE + """
                $before = [string]$resource.State
                if ($before -eq 'Offline') {
                    [pscustomobject]@{ changed = $false; before = $before; after = $before } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $after = [string]($resource | Stop-ClusterResource).State
                [pscustomobject]@{ changed = $true; before = $before; after = $after } | ConvertTo-Json -Compress -Depth 5
                """).with("ResourceName", resource);
    }

    public static PowerShellScript startResource(String resource) {
        return PowerShellScript.of("start a cluster resource", FIND_RESOURCE + """
                $before = [string]$resource.State
                if ($before -eq 'Online') {
                    [pscustomobject]@{ changed = $false; before = $before; after = $before } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $after = [string]($resource | Start-ClusterResource).State
                [pscustomobject]@{ changed = $true; before = $before; after = $after } | ConvertTo-Json -Compress -Depth 5
                """).with("ResourceName", resource);
    }

    public static PowerShellScript startGroup(String group) {
        return PowerShellScript.of("start a cluster group", """
                $group = Get-ClusterGroup | Where-Object { [string]$_.Name -eq $GroupName }
                if ($null -eq $group) { throw ('no cluster group ' + $GroupName) }
                $before = [string]$group.State
                if ($before -eq 'Online') {
                    [pscustomobject]@{ changed = $false; before = $before; after = $before } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $after = [string]($group | Start-ClusterGroup).State
                [pscustomobject]@{ changed = $true; before = $before; after = $after } | ConvertTo-Json -Compress -Depth 5
                """).with("GroupName", group);
    }

    public static PowerShellScript readResource(String resource) {
        return PowerShellScript.of("read a cluster resource", """
                $resource = Get-ClusterResource | Where-Object { [string]$_.Name -eq $ResourceName }
                if ($null -eq $resource) {
                    [pscustomobject]@{ exists = $false } | ConvertTo-Json -Compress -Depth 5
                } else {
                    [pscustomobject]@{ exists = $true; name = [string]$resource.Name; group = [string]$resource.OwnerGroup; type = [string]$resource.ResourceType; state = [string]$resource.State } | ConvertTo-Json -Compress -Depth 5
                }
                """).with("ResourceName", resource);
    }
}
