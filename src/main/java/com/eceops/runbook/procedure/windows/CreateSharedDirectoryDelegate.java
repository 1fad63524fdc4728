package com.eceops.runbook.procedure.windows;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-3.1: the shared directory (E:\ECEFile), shared under its own name with Full Control for the ECE service account. */
@Component("createSharedDirectoryDelegate")
class CreateSharedDirectoryDelegate extends RunbookStep {

    CreateSharedDirectoryDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        String path = run.estate().paths().sharedDirectory();
        String shareName = path.substring(path.lastIndexOf('\\') + 1);
        String account = DirectorySteps.domainAccount(run.estate(), run.estate().accounts().eceService().name());
        DirectorySteps.ensureDirectory(run, host, path);
        run.windows().ensureShare(host, shareName, path, account);
        DirectorySteps.verifyUnchanged(host, "verify share " + shareName,
                run.windows().ensureShare(host, shareName, path, account));
    }
}
