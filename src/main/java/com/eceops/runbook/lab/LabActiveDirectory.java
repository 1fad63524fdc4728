package com.eceops.runbook.lab;

import com.eceops.runbook.technology.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.technology.activedirectory.DirectoryObject;
import com.eceops.runbook.technology.activedirectory.DirectoryObject.AclGrant;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.operations.Change;
import java.util.List;

/** The simulated directory. Its "host" in the ledger and in faults is the domain's FQDN. */
final class LabActiveDirectory implements ActiveDirectoryOperations {

    static final String FULL_CONTROL = "FullControl";
    static final String CREATE_DELETE_COMPUTERS = "CreateChild,DeleteChild:Computer";

    private final LabContext lab;

    LabActiveDirectory(LabContext lab) {
        this.lab = lab;
    }

    private String domain() {
        return lab.estate().domain().fqdn();
    }

    private AdState.AdObject find(String name) {
        return lab.state().activeDirectory.objects.get(LabContext.key(name));
    }

    @Override
    public Change ensureServiceUser(String account, CredentialRef password) {
        AdState.AdObject user = find(account);
        if (user != null && user.kind != DirectoryObject.Kind.USER) {
            throw lab.refuse(domain(), account + " exists and is not a user");
        }
        if (user != null && user.enabled && user.passwordNeverExpires) {
            return LabContext.unchanged("user " + account, "enabled, password never expires");
        }
        String before = user == null ? "absent" : "enabled=" + user.enabled + ", passwordNeverExpires=" + user.passwordNeverExpires;
        if (user == null) {
            user = add(account, DirectoryObject.Kind.USER, "CN=" + account + ",CN=Users," + domainDn());
        }
        user.enabled = true;
        user.passwordNeverExpires = true;
        return lab.record(domain(), "user " + account, before, "enabled, password never expires");
    }

    @Override
    public Change ensureOrganizationalUnit(String distinguishedName) {
        if (find(distinguishedName) != null) {
            return LabContext.unchanged("OU " + distinguishedName, "present");
        }
        AdState.AdObject ou = add(distinguishedName, DirectoryObject.Kind.ORGANIZATIONAL_UNIT, distinguishedName);
        ou.protectedFromAccidentalDeletion = true;
        return lab.record(domain(), "OU " + distinguishedName, "absent", "present, protected");
    }

    @Override
    public Change prestageClusterNameObject(String computerName, String organizationalUnit) {
        if (computerName.length() > 15) {
            throw lab.refuse(domain(), "NetBIOS name " + computerName + " is longer than 15 characters (pre-2.2)");
        }
        if (find(organizationalUnit) == null) {
            throw lab.refuse(domain(), "OU " + organizationalUnit + " does not exist; create it first (pre-2.2)");
        }
        AdState.AdObject cno = find(computerName);
        if (cno != null) {
            // An enabled CNO means the cluster already took it over: that is the desired end state too.
            if (cno.protectedFromAccidentalDeletion) {
                return LabContext.unchanged("CNO " + computerName, "prestaged");
            }
            cno.protectedFromAccidentalDeletion = true;
            return lab.record(domain(), "CNO " + computerName, "unprotected", "protected");
        }
        cno = add(computerName, DirectoryObject.Kind.COMPUTER, "CN=" + computerName + "," + organizationalUnit);
        cno.enabled = false;
        cno.protectedFromAccidentalDeletion = true;
        return lab.record(domain(), "CNO " + computerName, "absent", "disabled, protected, in " + organizationalUnit);
    }

    @Override
    public Change grantFullControlOnComputerObject(String computerName, String account) {
        return grant(computerName, account, FULL_CONTROL, DirectoryObject.Kind.COMPUTER);
    }

    @Override
    public Change grantCreateDeleteComputerObjects(String organizationalUnit, String computerName) {
        if (find(computerName) == null) {
            throw lab.refuse(domain(), "no computer object " + computerName + " to grant rights to");
        }
        return grant(organizationalUnit, computerName, CREATE_DELETE_COMPUTERS, DirectoryObject.Kind.ORGANIZATIONAL_UNIT);
    }

    private Change grant(String objectName, String principal, String right, DirectoryObject.Kind kind) {
        AdState.AdObject object = find(objectName);
        if (object == null || object.kind != kind) {
            throw lab.refuse(domain(), "no " + kind + " " + objectName + " to grant " + right + " on");
        }
        if (object.grants.stream().anyMatch(g -> g.principal().equalsIgnoreCase(principal) && g.right().equals(right))) {
            return LabContext.unchanged("ACL of " + objectName + " for " + principal, right);
        }
        object.grants.add(new AclGrant(principal, right));
        return lab.record(domain(), "ACL of " + objectName + " for " + principal, "none", right);
    }

    @Override
    public List<String> findServicePrincipalName(String spn) {
        return lab.state().activeDirectory.objects.values().stream()
                .filter(o -> o.servicePrincipalNames.stream().anyMatch(s -> s.equalsIgnoreCase(spn)))
                .map(o -> o.name).toList();
    }

    @Override
    public Change registerServicePrincipalName(String account, String spn) {
        AdState.AdObject object = find(account);
        if (object == null) {
            throw lab.refuse(domain(), "no account " + account + " to register " + spn + " on");
        }
        List<String> holders = findServicePrincipalName(spn);
        if (holders.stream().anyMatch(h -> h.equalsIgnoreCase(account))) {
            return LabContext.unchanged("SPN " + spn, account);
        }
        if (!holders.isEmpty()) {
            throw lab.refuse(domain(), "duplicate SPN: " + spn + " is already registered on " + holders);
        }
        object.servicePrincipalNames.add(spn);
        return lab.record(domain(), "SPN " + spn, "unregistered", account);
    }

    @Override
    public Change trustForDelegationKerberosOnly(String objectName) {
        AdState.AdObject object = find(objectName);
        if (object == null || object.kind == DirectoryObject.Kind.ORGANIZATIONAL_UNIT) {
            throw lab.refuse(domain(), "no user or computer " + objectName + " to trust for delegation");
        }
        if (object.trustedForDelegation && !object.sensitiveCannotBeDelegated) {
            return LabContext.unchanged("delegation of " + objectName, "trusted (Kerberos only)");
        }
        String before = object.sensitiveCannotBeDelegated ? "sensitive, cannot be delegated" : "not trusted";
        object.trustedForDelegation = true;
        object.sensitiveCannotBeDelegated = false;
        return lab.record(domain(), "delegation of " + objectName, before, "trusted (Kerberos only)");
    }

    @Override
    public DirectoryObject readObject(String name) {
        AdState.AdObject o = find(name);
        if (o == null) {
            return DirectoryObject.missing(name);
        }
        return new DirectoryObject(o.name, o.kind, true, o.distinguishedName, o.enabled, o.protectedFromAccidentalDeletion,
                o.passwordNeverExpires, o.trustedForDelegation, o.sensitiveCannotBeDelegated,
                List.copyOf(o.servicePrincipalNames), List.copyOf(o.grants));
    }

    private AdState.AdObject add(String name, DirectoryObject.Kind kind, String dn) {
        AdState.AdObject o = new AdState.AdObject();
        o.name = name;
        o.kind = kind;
        o.distinguishedName = dn;
        lab.state().activeDirectory.objects.put(LabContext.key(name), o);
        return o;
    }

    private String domainDn() {
        return "DC=" + String.join(",DC=", lab.estate().domain().fqdn().split("\\."));
    }

    /** Whether a principal holds a right on an object; the cluster and listener checks use it. */
    static boolean granted(LabState state, String objectName, String principal, String right) {
        AdState.AdObject o = state.activeDirectory.objects.get(LabContext.key(objectName));
        return o != null && o.grants.stream().anyMatch(g -> g.principal().equalsIgnoreCase(principal) && g.right().equals(right));
    }
}
