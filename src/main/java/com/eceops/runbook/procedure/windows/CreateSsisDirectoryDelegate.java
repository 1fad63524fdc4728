package com.eceops.runbook.procedure.windows;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-3.2: the SSIS directory (E:\ssis_data) with an explicit Allow Modify for the SQL service account. */
@Component("createSsisDirectoryDelegate")
class CreateSsisDirectoryDelegate extends RunbookStep {

    static final String MODIFY = "Modify";

    CreateSsisDirectoryDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        String path = run.estate().paths().ssisDirectory();
        String account = DirectorySteps.domainAccount(run.estate(), run.estate().accounts().sqlService().name());
        DirectorySteps.ensureDirectory(run, host, path);
        run.windows().grantAccess(host, path, account, MODIFY);
        boolean granted = run.windows().readAccessRules(host, path).stream().anyMatch(rule -> !rule.deny()
                && !rule.inherited() && rule.identity().equalsIgnoreCase(account) && rule.rights().equalsIgnoreCase(MODIFY));
        if (!granted) {
            throw new OperationFailedException(host, "verify ACL of " + path, account + " has no explicit Allow " + MODIFY);
        }
    }
}
