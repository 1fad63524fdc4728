package com.eceops.runbook.procedure.postinstall;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** post-2: one look whether any process of the ECE service account still runs on a collocated server (3-5 minutes). */
@Component("checkCiscoProcessesGoneDelegate")
class CheckCiscoProcessesGoneDelegate extends RunbookStep {

    CheckCiscoProcessesGoneDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        var counts = plan.collocated().stream().collect(Collectors.toMap(h -> h,
                h -> run.windows().countProcessesRunningAs(h, plan.eceServiceAccount()), (x, y) -> x, java.util.LinkedHashMap::new));
        boolean gone = counts.values().stream().allMatch(n -> n == 0);
        execution.setVariable(PostInstallationVariables.CISCO_PROCESSES_GONE, gone);
        execution.setVariable(PostInstallationVariables.CISCO_REPORT, "Processes of " + plan.eceServiceAccount() + " still running: "
                + counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        Polls.count(execution);
    }
}
