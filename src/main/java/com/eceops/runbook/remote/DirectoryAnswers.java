package com.eceops.runbook.remote;

import java.util.List;

import com.eceops.runbook.operations.Change;

/** The JSON answers of the Active Directory and DFS scripts; field names are the scripts' property names. */
final class DirectoryAnswers {

    private DirectoryAnswers() {
    }

    record Changed(boolean changed, String before, String after) {
        Change toChange() {
            return changed ? Change.of(before, after) : Change.none(before);
        }
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

    record Namespace(boolean exists, String type, List<String> rootTargets, List<Folder> folders) {
        Namespace {
            rootTargets = rootTargets == null ? List.of() : rootTargets;
            folders = folders == null ? List.of() : folders;
        }
    }

    record Folder(String path, List<String> targets) {
        Folder {
            targets = targets == null ? List.of() : targets;
        }
    }

    record ReplicationGroup(boolean exists, List<Membership> memberships, int connections) {
        ReplicationGroup {
            memberships = memberships == null ? List.of() : memberships;
        }
    }

    record Membership(String computerName, String folderName, String contentPath, boolean primaryMember,
                      int stagingPathQuotaInMb) {
    }
}
