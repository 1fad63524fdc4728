package com.eceops.runbook.procedure.postinstall;

/** The process variables of post-installation (post-1 to post-6); form templates use the same names. */
public final class PostInstallationVariables {

    public static final String POLL_COUNT = "pollCount";
    /** The process counts of the last check, "HOST=n" per collocated server. */
    public static final String CISCO_PROCESS_COUNTS = "ciscoProcessCounts";
    public static final String CISCO_PROCESSES_SETTLED = "ciscoProcessesSettled";
    /** True when post-5 is found done, so the first start of the Cisco service happened in an earlier run. */
    public static final String CISCO_STARTED_BEFORE = "ciscoServiceStartedBefore";
    public static final String CISCO_PROCESSES_GONE = "ciscoProcessesGone";
    public static final String CISCO_REPORT = "ciscoServiceReport";
    public static final String DATABASES_SYNCHRONIZED = "eceDatabasesSynchronized";
    public static final String SYNCHRONIZATION_REPORT = "eceDatabasesSynchronizationReport";
    /** Put into the seeding backups' file names (post-3, post-4); empty at installation, set by a re-seed. */
    public static final String SEED_BACKUP_TAG = "seedBackupTag";

    private PostInstallationVariables() {
    }
}
