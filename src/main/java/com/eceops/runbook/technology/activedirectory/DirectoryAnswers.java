package com.eceops.runbook.technology.activedirectory;

import java.util.List;


/** The JSON answers of the Active Directory scripts; field names are the scripts' property names. */
final class DirectoryAnswers {

    private DirectoryAnswers() {
    }

    record Names(List<String> names) {
        Names {
            names = names == null ? List.of() : names;
        }
    }

    /**
     * An AD object: {@code objectClass} the most specific class, {@code uac} userAccountControl (0 for an OU), the
     * explicit (not inherited) Allow entries of its DACL.
     */
    record AdObject(boolean exists, String samAccountName, String distinguishedName, String objectClass, long uac,
                    boolean protectedFromAccidentalDeletion, List<String> servicePrincipalNames, List<Ace> aces) {
        AdObject {
            servicePrincipalNames = servicePrincipalNames == null ? List.of() : servicePrincipalNames;
            aces = aces == null ? List.of() : aces;
        }
    }

    /** One access entry: the account, the ActiveDirectoryRights words, the object type GUID, the inheritance. */
    record Ace(String identity, String rights, String objectType, String inheritance) {
    }
}
