package com.eceops.runbook.procedure.postinstall;

import com.eceops.runbook.run.RunVariables;
import com.eceops.runbook.run.Var;

/** The process variables of post-installation (post-1 to post-6); form templates use the same names. */
public final class PostInstallationVariables {

    public static final Var<Boolean> DATABASES_SYNCHRONIZED = Var.bool("eceDatabasesSynchronized");
    public static final Var<String> SYNCHRONIZATION_REPORT = Var.string("eceDatabasesSynchronizationReport");
    /** Put into the seeding backups' file names (post-3, post-4); empty at installation, set by a re-seed. */
    public static final Var<String> SEED_BACKUP_TAG = Var.string("seedBackupTag");
    /** The collocated server whose post-8 grants wait for SSISDB, which post-7 creates after the patch. */
    public static final Var<String> SSIS_GRANTS_DEFERRED_ON = Var.string("ssisGrantsDeferredOn");

    // Names only, for the Cisco service steps being reshaped into shared called processes, until they read the Vars.
    /** Use {@link RunVariables#POLL_COUNT}. */
    @Deprecated
    public static final String POLL_COUNT = RunVariables.POLL_COUNT.name();
    /** Use {@link CiscoServiceVariables#CISCO_PROCESS_COUNTS}. */
    @Deprecated
    public static final String CISCO_PROCESS_COUNTS = CiscoServiceVariables.CISCO_PROCESS_COUNTS.name();
    /** Use {@link CiscoServiceVariables#CISCO_PROCESSES_SETTLED}. */
    @Deprecated
    public static final String CISCO_PROCESSES_SETTLED = CiscoServiceVariables.CISCO_PROCESSES_SETTLED.name();
    /** Use {@link CiscoServiceVariables#CISCO_STARTED_BEFORE}. */
    @Deprecated
    public static final String CISCO_STARTED_BEFORE = CiscoServiceVariables.CISCO_STARTED_BEFORE.name();
    /** Use {@link CiscoServiceVariables#CISCO_PROCESSES_GONE}. */
    @Deprecated
    public static final String CISCO_PROCESSES_GONE = CiscoServiceVariables.CISCO_PROCESSES_GONE.name();
    /** Use {@link CiscoServiceVariables#CISCO_REPORT}. */
    @Deprecated
    public static final String CISCO_REPORT = CiscoServiceVariables.CISCO_REPORT.name();

    private PostInstallationVariables() {
    }
}
