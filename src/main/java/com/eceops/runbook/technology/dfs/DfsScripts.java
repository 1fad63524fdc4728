package com.eceops.runbook.technology.dfs;

import com.eceops.runbook.technology.powershell.NetworkReach;
import com.eceops.runbook.technology.powershell.PowerShellScript;

import java.util.List;

/**
 * pre-4: the DFS Namespaces (DFSN module) and DFS Replication (DFSR module) scripts, run on a namespace server
 * that has the DFS management tools (pre-1 installs them with the features). Domain-based namespaces and
 * replication groups live in Active Directory and reach the other member, so every script reaches a second
 * machine. A root or folder that is not there is an error of the DFSN cmdlets (a CIM error), so the existence reads
 * pass -ErrorAction SilentlyContinue: "absent" then also covers a read that was refused, and the change that
 * follows fails visibly instead. Replication groups are found by listing them all and comparing. Pure renderers.
 */
public final class DfsScripts {

    /** The root's share on this server (the namespace server's root target), made when missing. */
    private static final String ROOT_SHARE = """
            $rootPath = $LocalPath.TrimEnd('\\') + '\\' + $Root
            [System.IO.Directory]::CreateDirectory($rootPath) | Out-Null
            $share = Get-SmbShare | Where-Object { $_.Name -eq $Root }
            if ($null -eq $share) {
                New-SmbShare -Name $Root -Path $rootPath | Out-Null
            } elseif ($share.Path -ne $rootPath) {
                throw ('the share ' + $Root + ' exists for another path: ' + $share.Path)
            }
            """;

    private DfsScripts() {
    }

    /** The root (type, root targets) and each folder with its targets. */
    public static PowerShellScript readNamespace(String namespace) {
        return script("read namespace", """
                $root = @(Get-DfsnRoot -Path $Namespace -ErrorAction SilentlyContinue)
                if ($root.Count -eq 0) {
                    [pscustomobject]@{ exists = $false } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $targets = @(Get-DfsnRootTarget -Path $Namespace | ForEach-Object { [string]$_.TargetPath })
                $folders = @(Get-DfsnFolder -Path ($Namespace + '\\*') -ErrorAction SilentlyContinue | ForEach-Object {
                    $folderPath = [string]$_.Path
                    [pscustomobject]@{ path = $folderPath; targets = @(Get-DfsnFolderTarget -Path $folderPath | ForEach-Object { [string]$_.TargetPath }) }
                })
                [pscustomobject]@{ exists = $true; type = [string]$root[0].Type; rootTargets = $targets; folders = $folders } | ConvertTo-Json -Compress -Depth 5
                """).with("Namespace", namespace);
    }

    /** pre-4.1: the domain-based root in Windows Server 2008 mode (DomainV2), this server its first root target. */
    public static PowerShellScript createDomainNamespace(String namespace, String root, String localPath, String target) {
        return script("create domain namespace", """
                $existing = @(Get-DfsnRoot -Path $Namespace -ErrorAction SilentlyContinue)
                if ($existing.Count -gt 0) {
                    $servers = (@(Get-DfsnRootTarget -Path $Namespace | ForEach-Object { [string]$_.TargetPath })) -join ', '
                    [pscustomobject]@{ changed = $false; before = ('targets ' + $servers); after = ('targets ' + $servers) } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                """ + ROOT_SHARE + """
                New-DfsnRoot -Path $Namespace -TargetPath $Target -Type DomainV2 | Out-Null
                [pscustomobject]@{ changed = $true; before = 'absent'; after = ('targets ' + $Target) } | ConvertTo-Json -Compress -Depth 5
                """).with("Namespace", namespace).with("Root", root).with("LocalPath", localPath)
                .with("Target", target);
    }

    /** pre-4.2: this server as a further root target; a target on this server, by short or full name, is enough. */
    public static PowerShellScript addNamespaceServer(String namespace, String root, String localPath,
                                               String server, String target) {
        return script("add namespace server", """
                if (@(Get-DfsnRoot -Path $Namespace -ErrorAction SilentlyContinue).Count -eq 0) {
                    throw ('no domain namespace ' + $Namespace + '; create it first (pre-4.1)')
                }
                $targets = @(Get-DfsnRootTarget -Path $Namespace | ForEach-Object { [string]$_.TargetPath })
                $before = $targets -join ', '
                if (@($targets | Where-Object { (($_ -split '\\\\')[2] -split '\\.')[0] -eq $Server }).Count -gt 0) {
                    [pscustomobject]@{ changed = $false; before = ('targets ' + $before); after = ('targets ' + $before) } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                """ + ROOT_SHARE + """
                New-DfsnRootTarget -Path $Namespace -TargetPath $Target | Out-Null
                [pscustomobject]@{ changed = $true; before = ('targets ' + $before); after = ('targets ' + $before + ', ' + $Target) } | ConvertTo-Json -Compress -Depth 5
                """).with("Namespace", namespace).with("Root", root).with("LocalPath", localPath)
                .with("Server", server).with("Target", target);
    }

    /**
     * pre-4.3: the namespace folder and each missing folder target. Targets that are there and not asked for are
     * left alone: removing a target is a person's decision.
     */
    public static PowerShellScript createFolderWithTargets(String namespace, String folderPath, List<String> targets) {
        return script("create namespace folder", """
                $folder = @(Get-DfsnFolder -Path ($Namespace + '\\*') -ErrorAction SilentlyContinue | Where-Object { $_.Path -eq $FolderPath })
                $created = $false
                if ($folder.Count -eq 0) {
                    New-DfsnFolder -Path $FolderPath -TargetPath $Targets[0] | Out-Null
                    $created = $true
                }
                $present = @(Get-DfsnFolderTarget -Path $FolderPath | ForEach-Object { [string]$_.TargetPath })
                $missing = @($Targets | Where-Object { $present -notcontains $_ })
                foreach ($target in $missing) {
                    New-DfsnFolderTarget -Path $FolderPath -TargetPath $target | Out-Null
                }
                $after = $Targets -join ', '
                if (-not $created -and $missing.Count -eq 0) {
                    [pscustomobject]@{ changed = $false; before = ($present -join ', '); after = ($present -join ', ') } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $before = if ($created) { 'absent' } else { $present -join ', ' }
                [pscustomobject]@{ changed = $true; before = $before; after = $after } | ConvertTo-Json -Compress -Depth 5
                """).with("Namespace", namespace).with("FolderPath", folderPath).with("Targets", targets);
    }

    /**
     * pre-4.3: the group, its replicated folder, the members, a connection each way between every two members
     * (full mesh) and each member's content path, the primary member set with its first membership. Each part is
     * made only when missing, so a run that stopped half-way completes on the next. A new group is refused while a
     * member's content path (read through its administrative share) holds anything.
     */
    public static PowerShellScript createReplicationGroup(String group, String folder, List<String> members, String primary,
                                                   boolean fullMesh, String contentPath, List<String> memberContent) {
        return script("create replication group", """
                $existing = @(Get-DfsReplicationGroup | Where-Object { $_.GroupName -eq $Group })
                $changed = $false
                if ($existing.Count -eq 0) {
                    foreach ($path in $MemberContent) {
                        if ((Test-Path -LiteralPath $path -PathType Container) -and @(Get-ChildItem -LiteralPath $path -Force).Count -gt 0) {
                            throw ('the shared directory ' + $path + ' must be empty before replication is set up (pre-4.3)')
                        }
                    }
                    New-DfsReplicationGroup -GroupName $Group | Out-Null
                    $changed = $true
                }
                if (@(Get-DfsReplicatedFolder -GroupName $Group | Where-Object { $_.FolderName -eq $Folder }).Count -eq 0) {
                    New-DfsReplicatedFolder -GroupName $Group -FolderName $Folder | Out-Null
                    $changed = $true
                }
                $present = @(Get-DfsrMember -GroupName $Group | ForEach-Object { [string]$_.ComputerName })
                $missing = @($Members | Where-Object { $present -notcontains $_ })
                if ($missing.Count -gt 0) {
                    Add-DfsrMember -GroupName $Group -ComputerName $missing | Out-Null
                    $changed = $true
                }
                if ($FullMesh) {
                    $links = @(Get-DfsrConnection -GroupName $Group)
                    foreach ($from in $Members) {
                        foreach ($to in $Members) {
                            $linked = @($links | Where-Object { $_.SourceComputerName -eq $from -and $_.DestinationComputerName -eq $to })
                            if ($from -ne $to -and $linked.Count -eq 0) {
                                Add-DfsrConnection -GroupName $Group -SourceComputerName $from -DestinationComputerName $to -CreateOneWay | Out-Null
                                $changed = $true
                            }
                        }
                    }
                }
                foreach ($member in $Members) {
                    $membership = @(Get-DfsrMembership -GroupName $Group -ComputerName $member | Where-Object { $_.FolderName -eq $Folder })
                    if ($membership.Count -eq 0 -or $membership[0].ContentPath -ne $ContentPath) {
                        Set-DfsrMembership -GroupName $Group -FolderName $Folder -ComputerName $member -ContentPath $ContentPath -PrimaryMember ($member -eq $Primary) -Force | Out-Null
                        $changed = $true
                    }
                }
                $state = 'members ' + ($Members -join ', ') + ', primary ' + $Primary
                $before = if ($existing.Count -eq 0) { 'absent' } elseif ($changed) { 'incomplete' } else { $state }
                [pscustomobject]@{ changed = $changed; before = $before; after = $state } | ConvertTo-Json -Compress -Depth 5
                """).with("Group", group).with("Folder", folder).with("Members", members).with("Primary", primary)
                .with("FullMesh", fullMesh).with("ContentPath", contentPath).with("MemberContent", memberContent);
    }

    /** pre-4.4: the member's staging quota on every replicated folder of the group. */
    public static PowerShellScript setStagingQuota(String group, String member, int quotaMb) {
        return script("set staging quota", """
                if (@(Get-DfsReplicationGroup | Where-Object { $_.GroupName -eq $Group }).Count -eq 0) {
                    throw ('no replication group ' + $Group + '; create it first (pre-4.3)')
                }
                $memberships = @(Get-DfsrMembership -GroupName $Group -ComputerName $Member)
                if ($memberships.Count -eq 0) {
                    throw ($Member + ' is not a member of replication group ' + $Group)
                }
                $wrong = @($memberships | Where-Object { $_.StagingPathQuotaInMB -ne $QuotaMb })
                if ($wrong.Count -eq 0) {
                    [pscustomobject]@{ changed = $false; before = ([string]$QuotaMb + ' MB'); after = ([string]$QuotaMb + ' MB') } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $before = [string]$wrong[0].StagingPathQuotaInMB + ' MB'
                foreach ($membership in $wrong) {
                    Set-DfsrMembership -GroupName $Group -FolderName $membership.FolderName -ComputerName $Member -StagingPathQuotaInMB $QuotaMb -Force | Out-Null
                }
                [pscustomobject]@{ changed = $true; before = $before; after = ([string]$QuotaMb + ' MB') } | ConvertTo-Json -Compress -Depth 5
                """).with("Group", group).with("Member", member).with("QuotaMb", quotaMb);
    }

    /**
     * The group's memberships (member, folder, content path, primary flag, staging quota) and connection count.
     * Get-DfsrMembership without -ComputerName answers for the local computer only, so the members are named.
     */
    public static PowerShellScript readReplicationGroup(String group) {
        return script("read replication group", """
                if (@(Get-DfsReplicationGroup | Where-Object { $_.GroupName -eq $Group }).Count -eq 0) {
                    [pscustomobject]@{ exists = $false } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $names = @(Get-DfsrMember -GroupName $Group | ForEach-Object { [string]$_.ComputerName })
                if ($names.Count -eq 0) {
                    [pscustomobject]@{ exists = $true; memberships = @(); connections = 0 } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $memberships = @(Get-DfsrMembership -GroupName $Group -ComputerName $names | ForEach-Object {
                    [pscustomobject]@{ computerName = [string]$_.ComputerName; folderName = [string]$_.FolderName; contentPath = [string]$_.ContentPath; primaryMember = [bool]$_.PrimaryMember; stagingPathQuotaInMb = [int]$_.StagingPathQuotaInMB }
                })
                $connections = @(Get-DfsrConnection -GroupName $Group).Count
                [pscustomobject]@{ exists = $true; memberships = $memberships; connections = $connections } | ConvertTo-Json -Compress -Depth 5
                """).with("Group", group);
    }

    private static PowerShellScript script(String operation, String body) {
        return PowerShellScript.of(operation, body).reaching(NetworkReach.SECOND_MACHINE);
    }
}
