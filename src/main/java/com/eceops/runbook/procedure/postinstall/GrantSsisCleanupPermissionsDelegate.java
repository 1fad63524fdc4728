package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.procedure.reportsdb.ReportsDbVariables;

/**
 * post-8 on one collocated server: the four GRANT EXECUTE in SSISDB for the SSIS Server Maintenance Job. The
 * operation reads the grants first, applies only what is missing and reads them again to verify: one call, so that a
 * plan records the GRANTs once, as a live run sends them.
 * On ECE 12.0 the ReportsDB utility (post-7), which creates SSISDB on the secondary replica, waits until after the
 * first patch: until then that server has no SSISDB and no maintenance job, so it is skipped and named in
 * {@code ssisGrantsDeferredOn}; post-8 must run there again after post-7.
 */
@Component("grantSsisCleanupPermissionsDelegate")
class GrantSsisCleanupPermissionsDelegate extends RunbookStep {

    GrantSsisCleanupPermissionsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        boolean reportsDatabaseDeferred = ReportsDbVariables.DEFERRED.orElse(execution, false);
        if (reportsDatabaseDeferred && run.sql().readDatabases(host).stream().noneMatch(d -> "SSISDB".equalsIgnoreCase(d.name()))) {
            PostInstallationVariables.SSIS_GRANTS_DEFERRED_ON.set(execution, host);
            return;
        }
        run.sql().grantSsisCleanupPermissions(host);
    }
}
