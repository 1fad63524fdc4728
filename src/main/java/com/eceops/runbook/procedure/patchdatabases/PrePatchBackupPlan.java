package com.eceops.runbook.procedure.patchdatabases;

import java.util.List;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;

/**
 * Names the pre-patch backup works with: the three ECE databases of the inventory and one file per database and
 * run, {@code <backup directory>\<db>_PrePatch_<yyyyMMdd-HHmmss of the run>.bak}. The run's start in the name makes
 * a rerun of the same run find its files, and the next patch run write new ones.
 */
record PrePatchBackupPlan(Estate estate, String runStartedAt) {

    static PrePatchBackupPlan of(RunContext run) {
        return new PrePatchBackupPlan(run.estate(), run.key().startedAt());
    }

    List<String> databases() {
        List<String> names = estate.databases().eceDatabases();
        if (names.stream().anyMatch("SSISDB"::equalsIgnoreCase)) {
            throw new OperationFailedException("-", "plan the pre-patch backup", "SSISDB is not an ECE database of the group");
        }
        return names;
    }

    String file(String database) {
        String dir = estate.paths().sqlBackups();
        return (dir.endsWith("\\") ? dir : dir + "\\") + database + "_PrePatch_" + runStartedAt + ".bak";
    }

    String group() {
        return estate.availabilityGroup().name();
    }

    String listener() {
        return estate.availabilityGroup().listenerName();
    }

    /** The replica the listener points to now: the primary, which takes the backups (and later the restores). */
    static String primaryThroughListener(RunContext run) {
        String listener = run.estate().availabilityGroup().listenerName();
        AvailabilityGroupState group = run.sql().readAvailabilityGroup(listener, run.estate().availabilityGroup().name());
        if (!group.exists() || group.primary() == null) {
            throw new OperationFailedException(listener, "find the primary replica", "availability group "
                    + group.name() + " has no primary replica");
        }
        return group.primary();
    }

    /** The collocated server that is not {@code server}: the other replica, which keeps a copy of each backup file. */
    static String otherReplica(RunContext run, String server) {
        return run.estate().collocatedServers().stream().map(s -> s.name()).filter(name -> !name.equalsIgnoreCase(server))
                .findFirst().orElseThrow(() -> new OperationFailedException(server, "find the other replica",
                        "the estate has no second collocated server"));
    }

    /** How {@code host} reads a file on {@code server}'s disk: the path itself there, its admin share elsewhere. */
    static String reachableFrom(String host, String server, String localPath) {
        if (host.equalsIgnoreCase(server) || localPath.startsWith("\\\\") || localPath.length() < 3 || localPath.charAt(1) != ':') {
            return localPath;
        }
        return "\\\\" + server + "\\" + localPath.charAt(0) + "$" + localPath.substring(2);
    }
}
