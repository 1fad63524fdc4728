package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.windows.AccessRule;

/** post-1: the ECE service account gets Full Control on the ECE home of one collocated server; checked before and after. */
@Component("grantEceHomeAccessDelegate")
class GrantEceHomeAccessDelegate extends RunbookStep {

    GrantEceHomeAccessDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        String home = plan.eceHome(host);
        String account = plan.eceServiceAccount();
        if (!hasFullControl(run, host, home, account)) {
            run.windows().grantAccess(host, home, account, "FullControl");
        }
        if (!hasFullControl(run, host, home, account)) {
            throw new OperationFailedException(host, "grant Full Control on " + home, account + " still lacks Full Control");
        }
    }

    private static boolean hasFullControl(RunContext run, String host, String home, String account) {
        String bare = account.substring(account.indexOf('\\') + 1);
        return run.windows().readAccessRules(host, home).stream().filter(r -> !r.deny())
                .filter(r -> r.identity().equalsIgnoreCase(account) || r.identity().equalsIgnoreCase(bare))
                .map(AccessRule::rights).anyMatch(rights -> rights.toLowerCase().contains("fullcontrol"));
    }
}
