package com.eceops.runbook.technology.activedirectory;

import static com.eceops.runbook.technology.powershell.WireAnswers.changed;

import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.technology.powershell.WireScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Active Directory half of the wire lab: pre-2's scripts, wherever they run (the management host, or side A's
 * collocated server reading AD for the checks), applied to the lab's directory and answered as the scripts answer: the
 * object with its userAccountControl bits (MS-ADTS: 0x2 disabled, 0x10000 password never expires, 0x80000 trusted for
 * delegation, 0x100000 not delegated) and its explicit Allow entries in ActiveDirectoryRights words.
 */
public record WireLabActiveDirectory(ActiveDirectoryOperations lab, String netbiosDomain) {

    /** The operations that change the directory: a plan records exactly these. */
    public static final Set<String> CHANGES = Set.of("ensure service user", "ensure organizational unit",
            "prestage cluster name object", "grant rights on directory object", "register service principal name",
            "trust for delegation");

    /** The answer to a pre-2 script, or empty when the script is not one. */
    public Optional<Object> answer(WireScript s) {
        return Optional.ofNullable(switch (s.operation()) {
            case "read directory object" -> object(lab.readObject(s.text("Name")));
            case "find service principal name" -> Map.of("names", lab.findServicePrincipalName(s.text("Spn")));
            case "ensure service user" -> changed(lab.ensureServiceUser(s.text("Account"), new CredentialRef("wire-given")));
            case "ensure organizational unit" -> changed(lab.ensureOrganizationalUnit(s.text("Dn")));
            case "prestage cluster name object" -> changed(lab.prestageClusterNameObject(s.text("Name"), s.text("Ou")));
            case "grant rights on directory object" -> changed(grant(s));
            case "register service principal name" -> changed(lab.registerServicePrincipalName(s.text("Account"), s.text("Spn")));
            case "trust for delegation" -> changed(lab.trustForDelegationKerberosOnly(s.text("Name")));
            default -> null;
        });
    }

    private com.eceops.runbook.operations.Change grant(WireScript s) {
        String rights = s.text("Rights");
        if (rights.equals("GenericAll")) {
            return lab.grantFullControlOnComputerObject(s.text("Name"), s.text("Principal"));
        }
        if (rights.equals("CreateChild, DeleteChild") && s.text("ObjectType").equals(ActiveDirectoryScripts.COMPUTER_CLASS)
                && s.text("Inheritance").equals("All")) {
            return lab.grantCreateDeleteComputerObjects(s.text("Name"), s.text("Principal"));
        }
        throw new IllegalStateException("the wire lab grants only what pre-2.3 and pre-2.4 grant, not " + rights);
    }

    private Map<String, Object> object(DirectoryObject o) {
        if (!o.exists()) {
            return Map.of("exists", false);
        }
        long uac = 0;
        if (o.kind() == DirectoryObject.Kind.USER || o.kind() == DirectoryObject.Kind.COMPUTER) {
            uac = (o.kind() == DirectoryObject.Kind.USER ? 0x200 : 0x1000) | (o.enabled() ? 0 : 0x2)
                    | (o.passwordNeverExpires() ? 0x10000 : 0) | (o.trustedForDelegation() ? 0x80000 : 0)
                    | (o.sensitiveCannotBeDelegated() ? 0x100000 : 0);
        }
        List<Map<String, Object>> aces = new ArrayList<>();
        for (DirectoryObject.AclGrant grant : o.grants()) {
            String identity = netbiosDomain + "\\" + grant.principal() + (isComputer(grant.principal()) ? "$" : "");
            boolean full = grant.right().equals(PowerShellActiveDirectoryOperations.FULL_CONTROL);
            aces.add(Map.of("identity", identity, "rights", full ? "GenericAll" : "CreateChild, DeleteChild",
                    "objectType", full ? ActiveDirectoryScripts.NO_OBJECT_TYPE : ActiveDirectoryScripts.COMPUTER_CLASS,
                    "inheritance", full ? "None" : "All"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("exists", true);
        String objectClass = switch (o.kind()) {
            case USER -> "user";
            case COMPUTER -> "computer";
            case ORGANIZATIONAL_UNIT -> "organizationalUnit";
            case NONE -> "top";
        };
        answer.put("samAccountName", o.kind() == DirectoryObject.Kind.COMPUTER ? o.name() + "$"
                : o.kind() == DirectoryObject.Kind.USER ? o.name() : "");
        answer.put("distinguishedName", o.distinguishedName());
        answer.put("objectClass", objectClass);
        answer.put("uac", uac);
        answer.put("protectedFromAccidentalDeletion", o.protectedFromAccidentalDeletion());
        answer.put("servicePrincipalNames", o.servicePrincipalNames());
        answer.put("aces", aces);
        return answer;
    }

    /** A principal is a computer account when the directory says so (the CNO is). */
    private boolean isComputer(String principal) {
        return lab.readObject(principal).kind() == DirectoryObject.Kind.COMPUTER;
    }
}
