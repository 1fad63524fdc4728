package com.eceops.runbook.technology.windows;

import java.util.Arrays;

import com.eceops.runbook.technology.powershell.NetworkReach;
import com.eceops.runbook.technology.powershell.PowerShellScript;

/**
 * pre-3 and post-1: directories, shares, NTFS rules and text files. Paths are always given to -LiteralPath,
 * so brackets and asterisks in a name are characters, not wildcards. Pure renderers.
 */
public final class FileScripts {

    private FileScripts() {
    }

    /**
     * New-Item has no -LiteralPath in Windows PowerShell 5.1 and its -Path is documented as taking wildcards, so the
     * directory (with any missing parents) is made by Directory.CreateDirectory, which reads the path literally.
     */
    public static PowerShellScript ensureDirectory(String path) {
        return onPaths(PowerShellScript.of("ensure directory", """
                if (Test-Path -LiteralPath $Path -PathType Container) {
                    [pscustomobject]@{ changed = $false; before = 'present'; after = 'present' } | ConvertTo-Json -Compress -Depth 5
                } else {
                    [System.IO.Directory]::CreateDirectory($Path) | Out-Null
                    [pscustomobject]@{ changed = $true; before = 'absent'; after = 'present' } | ConvertTo-Json -Compress -Depth 5
                }
                """).with("Path", path), path);
    }

    /** A share of another path under the same name is a conflict for a person, not something to overwrite. */
    public static PowerShellScript ensureShare(String shareName, String path, String fullAccessAccount) {
        return PowerShellScript.of("ensure share", """
                $share = Get-SmbShare | Where-Object { $_.Name -eq $ShareName }
                if ($null -eq $share) {
                    New-SmbShare -Name $ShareName -Path $Path -FullAccess $Account | Out-Null
                    [pscustomobject]@{ changed = $true; before = 'absent'; after = 'shared' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                if ($share.Path -ne $Path) {
                    throw ('the share exists for another path: ' + $share.Path)
                }
                $full = @(Get-SmbShareAccess -InputObject $share | Where-Object { $_.AccountName -eq $Account -and [string]$_.AccessRight -eq 'Full' -and [string]$_.AccessControlType -eq 'Allow' })
                if ($full.Count -gt 0) {
                    [pscustomobject]@{ changed = $false; before = 'shared'; after = 'shared' } | ConvertTo-Json -Compress -Depth 5
                } else {
                    Grant-SmbShareAccess -InputObject $share -AccountName $Account -AccessRight Full -Force | Out-Null
                    [pscustomobject]@{ changed = $true; before = 'shared without full access'; after = 'shared' } | ConvertTo-Json -Compress -Depth 5
                }
                """).with("ShareName", shareName).with("Path", path).with("Account", fullAccessAccount);
    }

    /**
     * An explicit Allow rule inherited by folders and files; an equal rule already there changes nothing. Only the
     * DACL is read and written back (GetAccessControl('Access') / SetAccessControl): Get-Acl returns the owner too,
     * and Set-Acl then tries to write it back, which fails with "The security identifier is not allowed to be the
     * owner of this object" on a folder owned by another account (SYSTEM, TrustedInstaller).
     */
    public static PowerShellScript grantAccess(String path, String account, String rights) {
        return onPaths(PowerShellScript.of("grant access", """
                $item = Get-Item -LiteralPath $Path
                $acl = $item.GetAccessControl([System.Security.AccessControl.AccessControlSections]::Access)
                $wanted = [System.Security.AccessControl.FileSystemRights]$Rights
                $present = @($acl.Access | Where-Object { -not $_.IsInherited -and [string]$_.AccessControlType -eq 'Allow' -and $_.IdentityReference.Value -eq $Account -and (($_.FileSystemRights -band $wanted) -eq $wanted) })
                if ($present.Count -gt 0) {
                    [pscustomobject]@{ changed = $false; before = 'granted'; after = 'granted' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $inherit = [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
                $rule = New-Object -TypeName System.Security.AccessControl.FileSystemAccessRule -ArgumentList $Account, $wanted, $inherit, ([System.Security.AccessControl.PropagationFlags]::None), ([System.Security.AccessControl.AccessControlType]::Allow)
                $acl.AddAccessRule($rule)
                $item.SetAccessControl($acl)
                [pscustomobject]@{ changed = $true; before = 'not granted'; after = 'granted' } | ConvertTo-Json -Compress -Depth 5
                """).with("Path", path).with("Account", account).with("Rights", rights), path);
    }

    public static PowerShellScript readAccessRules(String path) {
        return onPaths(PowerShellScript.of("read access rules", """
                $rules = @((Get-Acl -LiteralPath $Path).Access | ForEach-Object {
                    [pscustomobject]@{ identity = $_.IdentityReference.Value; rights = [string]$_.FileSystemRights; deny = ([string]$_.AccessControlType -eq 'Deny'); inherited = [bool]$_.IsInherited }
                })
                [pscustomobject]@{ rules = $rules } | ConvertTo-Json -Compress -Depth 5
                """).with("Path", path), path);
    }

    /** patch-1.1: Get-FileHash answers upper-case hex; the runbook compares lower-case. */
    public static PowerShellScript sha256(String path) {
        return onPaths(PowerShellScript.of("file sha256", """
                if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
                    throw ('no such file: ' + $Path)
                }
                $hash = (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash.ToLowerInvariant()
                [pscustomobject]@{ sha256 = $hash } | ConvertTo-Json -Compress -Depth 5
                """).with("Path", path), path);
    }

    /** patch-1.1: unzips unless every entry of the archive is already there with its size. */
    public static PowerShellScript expandArchive(String archivePath, String destination) {
        return onPaths(PowerShellScript.of("expand archive", """
                Add-Type -AssemblyName System.IO.Compression.FileSystem
                $zip = [System.IO.Compression.ZipFile]::OpenRead($Archive)
                try {
                    $missing = @($zip.Entries | Where-Object { $_.Name -ne '' } | Where-Object {
                        $target = Join-Path -Path $Destination -ChildPath $_.FullName
                        -not (Test-Path -LiteralPath $target -PathType Leaf) -or (Get-Item -LiteralPath $target).Length -ne $_.Length
                    })
                } finally {
                    $zip.Dispose()
                }
                if ($missing.Count -eq 0 -and (Test-Path -LiteralPath $Destination -PathType Container)) {
                    [pscustomobject]@{ changed = $false; before = 'expanded'; after = 'expanded' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                Expand-Archive -LiteralPath $Archive -DestinationPath $Destination -Force
                [pscustomobject]@{ changed = $true; before = 'not expanded'; after = 'expanded' } | ConvertTo-Json -Compress -Depth 5
                """).with("Archive", archivePath).with("Destination", destination), archivePath, destination);
    }

    /** UTF-8 without a byte order mark, which is what ECE's configuration files are. */
    public static PowerShellScript writeFile(String path, String content) {
        return onPaths(PowerShellScript.of("write file", """
                $utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
                $exists = Test-Path -LiteralPath $Path -PathType Leaf
                if ($exists -and ([System.IO.File]::ReadAllText($Path, $utf8) -ceq $Content)) {
                    [pscustomobject]@{ changed = $false; before = 'same content'; after = 'same content' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                [System.IO.File]::WriteAllText($Path, $Content, $utf8)
                $before = if ($exists) { 'other content' } else { 'absent' }
                [pscustomobject]@{ changed = $true; before = $before; after = 'written' } | ConvertTo-Json -Compress -Depth 5
                """).with("Path", path).with("Content", content), path);
    }

    public static PowerShellScript readFile(String path) {
        return onPaths(PowerShellScript.of("read file", """
                if (Test-Path -LiteralPath $Path -PathType Leaf) {
                    [pscustomobject]@{ exists = $true; content = [System.IO.File]::ReadAllText($Path) } | ConvertTo-Json -Compress -Depth 5
                } else {
                    [pscustomobject]@{ exists = $false; content = $null } | ConvertTo-Json -Compress -Depth 5
                }
                """).with("Path", path), path);
    }

    /** A binary file (a keystore) as base64, so that its bytes survive the JSON answer. */
    public static PowerShellScript readFileBase64(String path) {
        return onPaths(PowerShellScript.of("read file bytes", """
                if (Test-Path -LiteralPath $Path -PathType Leaf) {
                    [pscustomobject]@{ exists = $true; content = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($Path)) } | ConvertTo-Json -Compress -Depth 5
                } else {
                    [pscustomobject]@{ exists = $false; content = $null } | ConvertTo-Json -Compress -Depth 5
                }
                """).with("Path", path), path);
    }

    public static PowerShellScript fileExists(String path) {
        return onPaths(PowerShellScript.of("check file exists", """
                [pscustomobject]@{ exists = (Test-Path -LiteralPath $Path -PathType Leaf) } | ConvertTo-Json -Compress -Depth 5
                """).with("Path", path), path);
    }

    public static PowerShellScript listFiles(String directory) {
        return onPaths(PowerShellScript.of("list files", """
                $names = @(Get-ChildItem -LiteralPath $Path -File | Sort-Object -Property Name | ForEach-Object { $_.Name })
                [pscustomobject]@{ names = $names } | ConvertTo-Json -Compress -Depth 5
                """).with("Path", directory), directory);
    }

    public static PowerShellScript listFilesUnder(String directory) {
        return onPaths(PowerShellScript.of("list files under", """
                $root = (Resolve-Path -LiteralPath $Path).ProviderPath.TrimEnd('\\')
                $names = @(Get-ChildItem -LiteralPath $Path -File -Recurse | ForEach-Object { $_.FullName.Substring($root.Length + 1) } | Sort-Object)
                [pscustomobject]@{ names = $names } | ConvertTo-Json -Compress -Depth 5
                """).with("Path", directory), directory);
    }

    /**
     * post-4: the copy reaches another server, so it needs network credentials (a double hop). An identical
     * target, by SHA-256, is left alone.
     */
    public static PowerShellScript copyFile(String sourcePath, String targetUncPath) {
        return copy(sourcePath, targetUncPath).reaching(NetworkReach.SECOND_MACHINE);
    }

    /** The same copy between two paths of one server: no second machine, no double hop. */
    public static PowerShellScript copyFileLocally(String sourcePath, String targetPath) {
        return onPaths(copy(sourcePath, targetPath), sourcePath, targetPath);
    }

    private static PowerShellScript copy(String sourcePath, String target) {
        return PowerShellScript.of("copy file", """
                $source = (Get-FileHash -LiteralPath $Source -Algorithm SHA256).Hash
                if ((Test-Path -LiteralPath $Target -PathType Leaf) -and ((Get-FileHash -LiteralPath $Target -Algorithm SHA256).Hash -eq $source)) {
                    [pscustomobject]@{ changed = $false; before = 'identical copy'; after = 'identical copy' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                Copy-Item -LiteralPath $Source -Destination $Target -Force
                [pscustomobject]@{ changed = $true; before = 'no identical copy'; after = 'copied' } | ConvertTo-Json -Compress -Depth 5
                """).with("Source", sourcePath).with("Target", target);
    }

    /**
     * A script given a UNC path reaches the machine that serves it: over WinRM Kerberos or an SSH key the session has no
     * network credentials for it (the double hop), so it takes the inventory's {@code doubleHop} route like any script
     * that reaches a second machine. A local path keeps it on the server.
     */
    static PowerShellScript onPaths(PowerShellScript script, String... paths) {
        return Arrays.stream(paths).anyMatch(path -> path != null && path.startsWith("\\\\"))
                ? script.reaching(NetworkReach.SECOND_MACHINE) : script;
    }

    /** {@code F:\MSSQL\Backups\x.bak} on {@code host} as the administrative share {@code \\host\F$\MSSQL\Backups\x.bak}. */
    public static String administrativeShare(String host, String localPath) {
        if (localPath.startsWith("\\\\")) {
            return localPath;
        }
        if (localPath.length() < 3 || localPath.charAt(1) != ':' || localPath.charAt(2) != '\\') {
            throw new IllegalArgumentException("not a local absolute path: " + localPath);
        }
        return "\\\\" + host + "\\" + localPath.charAt(0) + "$" + localPath.substring(2);
    }
}
