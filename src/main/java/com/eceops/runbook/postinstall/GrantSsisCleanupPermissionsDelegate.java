package com.eceops.runbook.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * post-8 on one collocated server: the four GRANT EXECUTE in SSISDB for the SSIS Server Maintenance Job. The
 * operation reads the grants first and applies only what is missing; asking again afterwards must find them all.
 */
@Component("grantSsisCleanupPermissionsDelegate")
class GrantSsisCleanupPermissionsDelegate extends RunbookStep {

    GrantSsisCleanupPermissionsDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        run.sql().grantSsisCleanupPermissions(host);
        Change again = run.sql().grantSsisCleanupPermissions(host);
        if (again.changed()) {
            throw new OperationFailedException(host, "grant EXECUTE to ##MS_SSISServerCleanupJobUser##",
                    "the grants were missing again right after they were applied: " + again.after());
        }
    }
}
