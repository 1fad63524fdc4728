package com.eceops.runbook.technology.activedirectory;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.HopRoute;
import com.eceops.runbook.technology.powershell.PowerShellScript;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.RoutedScripts;
import com.eceops.runbook.technology.powershell.ScriptRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import com.eceops.runbook.technology.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.technology.activedirectory.DirectoryObject;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Secret;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;

/**
 * {@link ActiveDirectoryOperations} on the real directory: every script runs on the domain's management host
 * ({@code domain.managementHost}), which needs the ActiveDirectory module (RSAT-AD-PowerShell), and is logged on to
 * with the domain-admin credential. The scripts reach a domain controller, so the management host's
 * {@code doubleHop} decides how they run ({@link HopRoute}; {@code resource-owner} means the management host is
 * itself the machine that answers, a domain controller). In plan mode changes are recorded, not run, and no
 * secret is resolved.
 */
public class PowerShellActiveDirectoryOperations implements ActiveDirectoryOperations {

    static final String FULL_CONTROL = "FullControl";
    static final String CREATE_DELETE_COMPUTERS = "CreateChild,DeleteChild:Computer";

    private final RoutedScripts scripts;
    private final String managementHost;
    private final Optional<String> owner;

    /**
     * @param estate its {@code domain.managementHost} runs the scripts; without one (the domain administrators
     *               prepare AD by hand and the runbook only verifies), the collocated server of side A reads AD,
     *               and then needs RSAT-AD-PowerShell too
     */
    public PowerShellActiveDirectoryOperations(ScriptContext context, Estate estate) {
        this.scripts = new RoutedScripts(context);
        this.owner = estate.domain().managementHost();
        this.managementHost = owner.orElse(estate.sideA().collocated().name());
    }

    @Override
    public Change ensureServiceUser(String account, CredentialRef password) {
        // Plan mode shows the script with the password masked and must not need it: nothing is resolved.
        Secret secret = scripts.plan() ? new Secret(new char[0]) : scripts.sessions().secret(password);
        return change(ActiveDirectoryScripts.ensureServiceUser(account, secret));
    }

    @Override
    public Change ensureOrganizationalUnit(String distinguishedName) {
        int split = firstUnescapedComma(distinguishedName);
        String first = distinguishedName.substring(0, split);
        if (split >= distinguishedName.length() || !first.toUpperCase(Locale.ROOT).startsWith("OU=")) {
            throw new OperationFailedException(managementHost, "ensure organizational unit",
                    "not the DN of an OU under a parent: " + distinguishedName);
        }
        return change(ActiveDirectoryScripts.ensureOrganizationalUnit(distinguishedName,
                first.substring(3).replace("\\,", ","), distinguishedName.substring(split + 1)));
    }

    @Override
    public Change prestageClusterNameObject(String computerName, String organizationalUnit) {
        if (computerName.length() > 15) {
            throw new OperationFailedException(managementHost, "prestage cluster name object",
                    "NetBIOS name " + computerName + " is longer than 15 characters (pre-2.2)");
        }
        return change(ActiveDirectoryScripts.prestageClusterNameObject(computerName, organizationalUnit));
    }

    @Override
    public Change grantFullControlOnComputerObject(String computerName, String account) {
        return change(ActiveDirectoryScripts.grant(computerName, account, "GenericAll",
                ActiveDirectoryScripts.NO_OBJECT_TYPE, "None"));
    }

    @Override
    public Change grantCreateDeleteComputerObjects(String organizationalUnit, String computerName) {
        return change(ActiveDirectoryScripts.grant(organizationalUnit, computerName, "CreateChild, DeleteChild",
                ActiveDirectoryScripts.COMPUTER_CLASS, "All"));
    }

    @Override
    public List<String> findServicePrincipalName(String spn) {
        return read(ActiveDirectoryScripts.findServicePrincipalName(spn), DirectoryAnswers.Names.class).names().stream()
                .map(PowerShellActiveDirectoryOperations::accountName).toList();
    }

    @Override
    public Change registerServicePrincipalName(String account, String spn) {
        return change(ActiveDirectoryScripts.registerServicePrincipalName(account, spn));
    }

    @Override
    public Change trustForDelegationKerberosOnly(String objectName) {
        return change(ActiveDirectoryScripts.trustForDelegation(objectName));
    }

    @Override
    public DirectoryObject readObject(String name) {
        return toDirectoryObject(name, read(ActiveDirectoryScripts.readObject(name), DirectoryAnswers.AdObject.class));
    }

    /** The answer of the read script as the interface's record; userAccountControl bits per MS-ADTS. */
    static DirectoryObject toDirectoryObject(String name, DirectoryAnswers.AdObject found) {
        if (!found.exists()) {
            return DirectoryObject.missing(name);
        }
        DirectoryObject.Kind kind = switch (String.valueOf(found.objectClass()).toLowerCase(Locale.ROOT)) {
            case "user" -> DirectoryObject.Kind.USER;
            case "computer" -> DirectoryObject.Kind.COMPUTER;
            case "organizationalunit" -> DirectoryObject.Kind.ORGANIZATIONAL_UNIT;
            default -> DirectoryObject.Kind.NONE;
        };
        long uac = found.uac();
        boolean account = kind == DirectoryObject.Kind.USER || kind == DirectoryObject.Kind.COMPUTER;
        String objectName = kind == DirectoryObject.Kind.ORGANIZATIONAL_UNIT || found.samAccountName() == null
                ? name : accountName(found.samAccountName());
        return new DirectoryObject(objectName, kind, true, found.distinguishedName(), account && (uac & 0x2) == 0,
                found.protectedFromAccidentalDeletion(), (uac & 0x10000) != 0, (uac & 0x80000) != 0,
                (uac & 0x100000) != 0, List.copyOf(found.servicePrincipalNames()), grants(found.aces()));
    }

    /**
     * The explicit entries the runbook makes, in the names the checks use: GenericAll is {@code FullControl};
     * CreateChild and DeleteChild on computer objects, for this object and all descendants, is
     * {@code CreateChild,DeleteChild:Computer}. Other entries are not the runbook's and are left out.
     */
    static List<DirectoryObject.AclGrant> grants(List<DirectoryAnswers.Ace> aces) {
        List<DirectoryObject.AclGrant> grants = new ArrayList<>();
        for (DirectoryAnswers.Ace ace : aces) {
            List<String> rights = List.of(String.valueOf(ace.rights()).replace(" ", "").split(","));
            String principal = accountName(ace.identity());
            if (rights.contains("GenericAll")) {
                grants.add(new DirectoryObject.AclGrant(principal, FULL_CONTROL));
            }
            if (rights.contains("CreateChild") && rights.contains("DeleteChild")
                    && ActiveDirectoryScripts.COMPUTER_CLASS.equalsIgnoreCase(ace.objectType())
                    && "All".equals(ace.inheritance())) {
                grants.add(new DirectoryObject.AclGrant(principal, CREATE_DELETE_COMPUTERS));
            }
        }
        return List.copyOf(grants);
    }

    /** {@code MASSIVE\CC2K125ECEFOC$} as the interface names it: {@code CC2K125ECEFOC}. */
    static String accountName(String identity) {
        String name = identity == null ? "" : identity.substring(identity.lastIndexOf('\\') + 1);
        return name.endsWith("$") ? name.substring(0, name.length() - 1) : name;
    }

    private static int firstUnescapedComma(String dn) {
        for (int i = 0; i < dn.length(); i++) {
            if (dn.charAt(i) == '\\') {
                i++;
            } else if (dn.charAt(i) == ',') {
                return i;
            }
        }
        return dn.length();
    }

    private Change change(PowerShellScript script) {
        return scripts.change(managementHost, script, owner);
    }

    private <T> T read(PowerShellScript script, Class<T> answer) {
        return scripts.read(managementHost, script, owner, answer);
    }
}
