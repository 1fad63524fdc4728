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

    private PostInstallationVariables() {
    }
}
