package com.eceops.runbook.procedure.postinstall;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * post-2: one look at the processes of the ECE service account on both collocated servers. They have stopped
 * rising when every server has some and the counts equal those of the previous look (the document expects
 * 20-30 on one server and 9-10 on the other within 15 minutes). The BPMN loop waits, counts and escalates.
 */
@Component("checkCiscoProcessesDelegate")
class CheckCiscoProcessesDelegate extends RunbookStep {

    CheckCiscoProcessesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        PostInstallationPlan plan = PostInstallationPlan.of(run.estate(), execution);
        var counts = plan.collocated().stream().collect(Collectors.toMap(h -> h,
                h -> run.windows().countProcessesRunningAs(h, plan.eceServiceAccount()), (x, y) -> x, java.util.LinkedHashMap::new));
        String now = counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        Object before = execution.getVariable(PostInstallationVariables.CISCO_PROCESS_COUNTS);
        boolean settled = counts.values().stream().allMatch(n -> n > 0) && now.equals(before);
        execution.setVariable(PostInstallationVariables.CISCO_PROCESS_COUNTS, now);
        execution.setVariable(PostInstallationVariables.CISCO_PROCESSES_SETTLED, settled);
        execution.setVariable(PostInstallationVariables.CISCO_REPORT, "Processes of " + plan.eceServiceAccount() + ": " + now);
        Polls.count(execution);
    }
}
