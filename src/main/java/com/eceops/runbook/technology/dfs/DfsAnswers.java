package com.eceops.runbook.technology.dfs;

import java.util.List;

/** The JSON answers of the DFS scripts; field names are the scripts' property names. */
final class DfsAnswers {

    private DfsAnswers() {
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
