package com.eceops.runbook.procedure.reportsdb;

import com.eceops.runbook.technology.reportsdb.BatchFileText;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** post-7, task 2: {@code SET JAVA_HOME=<shared directory>\env\jdk} in reportsdb_utility.bat; checked, set, read back. */
@Component("setUtilityJavaHomeDelegate")
class SetUtilityJavaHomeDelegate extends RunbookStep {

    SetUtilityJavaHomeDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ReportsDbPlan plan = ReportsDbPlan.of(run.estate(), execution::getVariable);
        String bat = read(run, plan);
        if (!plan.javaHome().equals(BatchFileText.javaHome(bat).orElse(null))) {
            String wanted;
            try {
                wanted = BatchFileText.withJavaHome(bat, plan.javaHome());
            } catch (IllegalArgumentException e) {
                throw new OperationFailedException(plan.host(), "edit " + plan.batchFile(), e.getMessage());
            }
            run.windows().writeFile(plan.host(), plan.batchFile(), wanted);
        }
        Optional<String> after = BatchFileText.javaHome(read(run, plan));
        if (!after.equals(Optional.of(plan.javaHome()))) {
            throw new OperationFailedException(plan.host(), "verify JAVA_HOME in " + plan.batchFile(),
                    "it is " + after.orElse("not set") + ", not " + plan.javaHome());
        }
    }

    private static String read(RunContext run, ReportsDbPlan plan) {
        return run.windows().readFile(plan.host(), plan.batchFile()).orElseThrow(() -> new OperationFailedException(
                plan.host(), "read " + plan.batchFile(), "the file is not there; copy the utility first"));
    }
}
