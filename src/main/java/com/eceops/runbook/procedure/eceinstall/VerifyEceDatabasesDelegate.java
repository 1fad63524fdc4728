package com.eceops.runbook.procedure.eceinstall;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.DatabaseFacts;

/**
 * After inst-1.1: the three ECE databases exist on the replica the listener points to (the primary). Reads
 * only; what is missing goes back to the operator with the setup task.
 */
@Component("verifyEceDatabasesDelegate")
class VerifyEceDatabasesDelegate extends RunbookStep {

    VerifyEceDatabasesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String primary = EceVariables.PRIMARY_REPLICA.in(execution);
        List<DatabaseFacts> databases = run.sql().readDatabases(primary);
        List<String> missing = run.estate().databases().eceDatabases().stream()
                .filter(name -> databases.stream().noneMatch(d -> d.name().equalsIgnoreCase(name))).toList();
        EceVariables.SETUP_VERIFIED.set(execution, missing.isEmpty());
        EceVariables.SETUP_CHECK_REPORT.set(execution, missing.isEmpty()
                ? "The ECE databases exist on " + primary
                : "Setup left no " + String.join(", ", missing) + " on the primary replica " + primary
                        + " (through the listener): run setup again with the File Server and Database Server components");
    }
}
