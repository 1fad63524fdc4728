package com.eceops.runbook.technology.activedirectory;

import com.eceops.runbook.technology.powershell.NetworkReach;
import com.eceops.runbook.technology.powershell.PowerShellScript;

import com.eceops.runbook.estate.Secret;

/**
 * pre-2: the Active Directory scripts, run on the domain's management host with the ActiveDirectory module
 * (RSAT-AD-PowerShell). Values reach the AD cmdlets only as variables inside {@code -Filter} strings (the
 * module reads {@code $Name} itself; no value is ever spliced into a filter or an LDAP string) or as parameter
 * values. Computers are looked up by sAMAccountName with the trailing {@code $}. Pure renderers.
 */
public final class ActiveDirectoryScripts {

    /** schemaIDGUID of the computer class (Active Directory schema, class Computer). */
    public static final String COMPUTER_CLASS = "bf967a86-0de6-11d0-a285-00aa003049e2";
    public static final String NO_OBJECT_TYPE = "00000000-0000-0000-0000-000000000000";

    /** Finds a user, computer or OU (by DN when the name holds '=') into $found. */
    private static final String FIND = """
            if ($Name.Contains('=')) {
                $found = @(Get-ADObject -Filter 'distinguishedName -eq $Name' -Properties $properties)
            } else {
                $computer = $Name + '$'
                $found = @(Get-ADObject -Filter 'sAMAccountName -eq $Name -or sAMAccountName -eq $computer' -Properties $properties)
            }
            """;

    private ActiveDirectoryScripts() {
    }

    /**
     * The object with the flags the checks need, and the explicit Allow entries of its DACL with the account
     * names resolved (an unresolvable SID stays a SID).
     */
    public static PowerShellScript readObject(String name) {
        return script("read directory object", """
                $properties = @('sAMAccountName', 'objectClass', 'userAccountControl', 'servicePrincipalName', 'nTSecurityDescriptor', 'ProtectedFromAccidentalDeletion')
                """ + FIND + """
                if ($found.Count -eq 0) {
                    [pscustomobject]@{ exists = $false } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $object = $found[0]
                $sidType = [System.Security.Principal.SecurityIdentifier]
                $aces = @($object.nTSecurityDescriptor.GetAccessRules($true, $false, $sidType) | Where-Object { [string]$_.AccessControlType -eq 'Allow' } | ForEach-Object {
                    $rule = $_
                    $identity = $rule.IdentityReference.Value
                    try {
                        $identity = $rule.IdentityReference.Translate([System.Security.Principal.NTAccount]).Value
                    } catch {
                        $identity = $rule.IdentityReference.Value
                    }
                    [pscustomobject]@{ identity = $identity; rights = [string]$rule.ActiveDirectoryRights; objectType = [string]$rule.ObjectType; inheritance = [string]$rule.InheritanceType }
                })
                $spns = @($object.servicePrincipalName | Where-Object { $_ } | ForEach-Object { [string]$_ })
                [pscustomobject]@{ exists = $true; samAccountName = [string]$object.sAMAccountName; distinguishedName = [string]$object.DistinguishedName; objectClass = [string]$object.ObjectClass; uac = [long]$object.userAccountControl; protectedFromAccidentalDeletion = [bool]$object.ProtectedFromAccidentalDeletion; servicePrincipalNames = $spns; aces = $aces } | ConvertTo-Json -Compress -Depth 5
                """).with("Name", name);
    }

    /** pre-2.1: created enabled with its password, or enabled and set to never expire when it exists. */
    public static PowerShellScript ensureServiceUser(String account, Secret password) {
        return script("ensure service user", """
                $user = @(Get-ADUser -Filter 'sAMAccountName -eq $Account' -Properties PasswordNeverExpires)
                if ($user.Count -eq 0) {
                    $secure = ConvertTo-SecureString -String $Password -AsPlainText -Force
                    New-ADUser -Name $Account -SamAccountName $Account -AccountPassword $secure -Enabled $true -PasswordNeverExpires $true
                    [pscustomobject]@{ changed = $true; before = 'absent'; after = 'enabled, password never expires' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                if ($user[0].Enabled -and $user[0].PasswordNeverExpires) {
                    [pscustomobject]@{ changed = $false; before = 'enabled, password never expires'; after = 'enabled, password never expires' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $before = 'enabled=' + $user[0].Enabled + ', passwordNeverExpires=' + $user[0].PasswordNeverExpires
                Set-ADUser -Identity $user[0].DistinguishedName -Enabled $true -PasswordNeverExpires $true
                [pscustomobject]@{ changed = $true; before = $before; after = 'enabled, password never expires' } | ConvertTo-Json -Compress -Depth 5
                """).with("Account", account).with("Password", password);
    }

    /** An OU given by DN, created under its parent and protected from accidental deletion. */
    public static PowerShellScript ensureOrganizationalUnit(String distinguishedName, String name, String parent) {
        return script("ensure organizational unit", """
                if (@(Get-ADOrganizationalUnit -Filter 'distinguishedName -eq $Dn').Count -gt 0) {
                    [pscustomobject]@{ changed = $false; before = 'present'; after = 'present' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                New-ADOrganizationalUnit -Name $OuName -Path $ParentPath -ProtectedFromAccidentalDeletion $true
                [pscustomobject]@{ changed = $true; before = 'absent'; after = 'present, protected' } | ConvertTo-Json -Compress -Depth 5
                """).with("Dn", distinguishedName).with("OuName", name).with("ParentPath", parent);
    }

    /**
     * pre-2.2: the CNO, disabled, in the OU, protected from accidental deletion (New-ADComputer has no such
     * parameter, so Set-ADObject sets it). An existing CNO is only protected: the cluster may have enabled it.
     */
    public static PowerShellScript prestageClusterNameObject(String computerName, String organizationalUnit) {
        return script("prestage cluster name object", """
                if (@(Get-ADOrganizationalUnit -Filter 'distinguishedName -eq $Ou').Count -eq 0) {
                    throw ('OU ' + $Ou + ' does not exist; create it first (pre-2.2)')
                }
                $account = $Name + '$'
                $computer = @(Get-ADComputer -Filter 'sAMAccountName -eq $account' -Properties ProtectedFromAccidentalDeletion)
                if ($computer.Count -gt 0) {
                    if ($computer[0].ProtectedFromAccidentalDeletion) {
                        [pscustomobject]@{ changed = $false; before = 'prestaged'; after = 'prestaged' } | ConvertTo-Json -Compress -Depth 5
                        return
                    }
                    Set-ADObject -Identity $computer[0].DistinguishedName -ProtectedFromAccidentalDeletion $true
                    [pscustomobject]@{ changed = $true; before = 'unprotected'; after = 'protected' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $created = New-ADComputer -Name $Name -SamAccountName $account -Path $Ou -Enabled $false -PassThru
                Set-ADObject -Identity $created.DistinguishedName -ProtectedFromAccidentalDeletion $true
                [pscustomobject]@{ changed = $true; before = 'absent'; after = ('disabled, protected, in ' + $Ou) } | ConvertTo-Json -Compress -Depth 5
                """).with("Name", computerName).with("Ou", organizationalUnit);
    }

    /**
     * pre-2.3 and pre-2.4: an explicit Allow entry for the principal (user or computer, by its SID) on the object,
     * through the AD: drive; an entry holding at least these rights for the same object type is enough.
     */
    public static PowerShellScript grant(String objectName, String principal, String rights, String objectType, String inheritance) {
        return script("grant rights on directory object", """
                $properties = @('objectSid')
                """ + FIND + """
                if ($found.Count -eq 0) {
                    throw ('no object ' + $Name + ' to grant ' + $Rights + ' on')
                }
                $target = $found[0]
                $principalComputer = $Principal + '$'
                $holder = @(Get-ADObject -Filter 'sAMAccountName -eq $Principal -or sAMAccountName -eq $principalComputer' -Properties objectSid)
                if ($holder.Count -eq 0) {
                    throw ('no account ' + $Principal + ' to grant ' + $Rights + ' to')
                }
                $sid = $holder[0].objectSid
                $wanted = [System.DirectoryServices.ActiveDirectoryRights]$Rights
                $type = [Guid]$ObjectType
                $scope = [System.DirectoryServices.ActiveDirectorySecurityInheritance]$Inheritance
                Import-Module -Name ActiveDirectory
                $path = 'AD:\\' + $target.DistinguishedName
                $acl = Get-Acl -LiteralPath $path
                $present = @($acl.GetAccessRules($true, $false, [System.Security.Principal.SecurityIdentifier]) | Where-Object { [string]$_.AccessControlType -eq 'Allow' -and $_.IdentityReference.Value -eq $sid.Value -and (($_.ActiveDirectoryRights -band $wanted) -eq $wanted) -and $_.ObjectType -eq $type -and ($scope -eq 'None' -or $_.InheritanceType -eq $scope) })
                if ($present.Count -gt 0) {
                    [pscustomobject]@{ changed = $false; before = 'granted'; after = 'granted' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $rule = New-Object -TypeName System.DirectoryServices.ActiveDirectoryAccessRule -ArgumentList $sid, $wanted, ([System.Security.AccessControl.AccessControlType]::Allow), $type, $scope
                $acl.AddAccessRule($rule)
                Set-Acl -LiteralPath $path -AclObject $acl
                [pscustomobject]@{ changed = $true; before = 'none'; after = $Rights } | ConvertTo-Json -Compress -Depth 5
                """).with("Name", objectName).with("Principal", principal).with("Rights", rights)
                .with("ObjectType", objectType).with("Inheritance", inheritance);
    }

    /** pre-2.5, setspn -Q: the accounts holding the SPN (any object class). */
    public static PowerShellScript findServicePrincipalName(String spn) {
        return script("find service principal name", """
                $names = @(Get-ADObject -Filter 'servicePrincipalName -eq $Spn' -Properties sAMAccountName | ForEach-Object { [string]$_.sAMAccountName })
                [pscustomobject]@{ names = $names } | ConvertTo-Json -Compress -Depth 5
                """).with("Spn", spn);
    }

    /** pre-2.5, setspn -S: refuses an SPN another account holds, adds it otherwise. */
    public static PowerShellScript registerServicePrincipalName(String account, String spn) {
        return script("register service principal name", """
                $computer = $Account + '$'
                $owner = @(Get-ADObject -Filter 'sAMAccountName -eq $Account -or sAMAccountName -eq $computer')
                if ($owner.Count -eq 0) {
                    throw ('no account ' + $Account + ' to register ' + $Spn + ' on')
                }
                $holders = @(Get-ADObject -Filter 'servicePrincipalName -eq $Spn' -Properties sAMAccountName)
                if (@($holders | Where-Object { $_.DistinguishedName -eq $owner[0].DistinguishedName }).Count -gt 0) {
                    [pscustomobject]@{ changed = $false; before = $Account; after = $Account } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                if ($holders.Count -gt 0) {
                    throw ('duplicate SPN: ' + $Spn + ' is already registered on ' + ((@($holders | ForEach-Object { [string]$_.sAMAccountName })) -join ', '))
                }
                Set-ADObject -Identity $owner[0].DistinguishedName -Add @{ servicePrincipalName = $Spn }
                [pscustomobject]@{ changed = $true; before = 'unregistered'; after = $Account } | ConvertTo-Json -Compress -Depth 5
                """).with("Account", account).with("Spn", spn);
    }

    /**
     * pre-2.6, pre-2.7: TRUSTED_FOR_DELEGATION (524288) set and NOT_DELEGATED (1048576) clear in
     * userAccountControl, which is "Trust ... for delegation to any service (Kerberos only)".
     */
    public static PowerShellScript trustForDelegation(String objectName) {
        return script("trust for delegation", """
                $properties = @('userAccountControl')
                """ + FIND + """
                if ($found.Count -eq 0 -or @('user', 'computer') -notcontains [string]$found[0].ObjectClass) {
                    throw ('no user or computer ' + $Name + ' to trust for delegation')
                }
                $uac = [long]$found[0].userAccountControl
                $trusted = ($uac -band 524288) -ne 0
                $sensitive = ($uac -band 1048576) -ne 0
                if ($trusted -and -not $sensitive) {
                    [pscustomobject]@{ changed = $false; before = 'trusted (Kerberos only)'; after = 'trusted (Kerberos only)' } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $before = if ($sensitive) { 'sensitive, cannot be delegated' } else { 'not trusted' }
                Set-ADAccountControl -Identity $found[0].DistinguishedName -TrustedForDelegation $true -AccountNotDelegated $false
                [pscustomobject]@{ changed = $true; before = $before; after = 'trusted (Kerberos only)' } | ConvertTo-Json -Compress -Depth 5
                """).with("Name", objectName);
    }

    /**
     * Every AD script reaches a domain controller: a second machine unless the management host is one. The module
     * loads itself at its first cmdlet (a host without RSAT-AD-PowerShell fails there, naming the cmdlet).
     */
    private static PowerShellScript script(String operation, String body) {
        return PowerShellScript.of(operation, body).reaching(NetworkReach.SECOND_MACHINE);
    }
}
