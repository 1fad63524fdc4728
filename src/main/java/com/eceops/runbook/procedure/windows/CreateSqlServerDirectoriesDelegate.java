package com.eceops.runbook.procedure.windows;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** pre-3.3: the SQL Server data and backup directories (F:\MSSQL\Data, F:\MSSQL\Backups) from the inventory. */
@Component("createSqlServerDirectoriesDelegate")
class CreateSqlServerDirectoriesDelegate extends RunbookStep {

    CreateSqlServerDirectoriesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        DirectorySteps.ensureDirectory(run, host, run.estate().paths().sqlData());
        DirectorySteps.ensureDirectory(run, host, run.estate().paths().sqlBackups());
    }
}
