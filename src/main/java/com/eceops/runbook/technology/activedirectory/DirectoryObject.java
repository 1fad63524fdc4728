package com.eceops.runbook.technology.activedirectory;

import java.util.List;

/**
 * An AD object as the runbook checks it: flags of users and computers, SPNs, and the explicit ACL grants
 * made on it (not inherited ones).
 */
public record DirectoryObject(String name, Kind kind, boolean exists, String distinguishedName, boolean enabled,
                              boolean protectedFromAccidentalDeletion, boolean passwordNeverExpires,
                              boolean trustedForDelegation, boolean sensitiveCannotBeDelegated,
                              List<String> servicePrincipalNames, List<AclGrant> grants) {

    public enum Kind { USER, COMPUTER, ORGANIZATIONAL_UNIT, NONE }

    /** An explicit right given to a principal, e.g. {@code FullControl} or {@code CreateChild:Computer}. */
    public record AclGrant(String principal, String right) {
    }

    public static DirectoryObject missing(String name) {
        return new DirectoryObject(name, Kind.NONE, false, null, false, false, false, false, false, List.of(), List.of());
    }
}
