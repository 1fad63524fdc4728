package com.eceops.runbook.procedure.systemchecks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.sql.SqlServerFacts;

/**
 * sys-4: SQL Server 2016 Enterprise with the inventory's instance name on both collocated servers.
 * Standard edition is the document's known trap and an expected outcome: a BPMN error that sends the DBAs
 * to upgrade. Developer edition goes the same way: it would run ECE, but it is not licensed for production, and the
 * document makes Enterprise critical. A wrong version or instance means the inventory or the build is wrong: that is an incident.
 */
@Component("readSqlServerEditionDelegate")
class ReadSqlServerEditionDelegate extends RunbookStep {

    static final String STANDARD_EDITION = "SqlServerStandardEdition";

    ReadSqlServerEditionDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        Map<String, String> editions = new LinkedHashMap<>();
        List<String> notEnterprise = new ArrayList<>();
        for (Server server : run.estate().collocatedServers()) {
            SqlServerFacts facts = run.sql().readFacts(server.name());
            if (!facts.isSqlServer2016()) {
                throw new OperationFailedException(server.name(), "read SQL Server version",
                        "found version " + facts.productVersion() + ", ECE 12.5 needs SQL Server 2016 (13.x)");
            }
            if (!server.sqlInstance().equalsIgnoreCase(facts.instanceName())) {
                throw new OperationFailedException(server.name(), "read SQL Server instance",
                        "found instance " + facts.instanceName() + ", the inventory says " + server.sqlInstance());
            }
            editions.put(server.name(), facts.edition());
            if (!facts.isEnterprise()) {
                notEnterprise.add(server.name() + " runs " + facts.edition());
            }
        }
        SystemCheckVariables.SQL_SERVER_EDITIONS.set(execution, editions.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + "; " + b).orElse(""));
        if (!notEnterprise.isEmpty()) {
            throw new BpmnError(STANDARD_EDITION, String.join("; ", notEnterprise));
        }
    }
}
