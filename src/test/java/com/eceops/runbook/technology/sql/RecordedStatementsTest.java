package com.eceops.runbook.technology.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.sql.tds.FakeTdsServer;
import com.eceops.runbook.technology.sql.tds.FakeTdsServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The T-SQL a plan shows is what a run sends: the same changes of the sample estate, called on the recording
 * form and on the JDBC form over the fake TDS server, give the same batches in the same order.
 */
class RecordedStatementsTest {

    private record Recorded(String host, String step, String operation, String script) {
    }

    private static final String PRE_PATCH = "F:\\MSSQL\\Backups\\eGActiveDB_PrePatch_20261107-210000.bak";

    private final Estate estate = SampleEstate.massiveDynamic();
    private final FakeTdsServer server = new FakeTdsServer().login("runbook", "Lab-Secret-7731");

    @AfterEach
    void close() {
        server.close();
    }

    /** Changes of pre-6.3, post-9 and patch-2.1 on the instances of the sample estate. */
    private void changes(JdbcSqlServerOperations sql) {
        String primary = estate.sideA().collocated().name();
        String secondary = estate.sideB().collocated().name();
        String group = estate.availabilityGroup().name();
        sql.grantEndpointConnect(primary, estate.domain().netbios() + "\\" + estate.accounts().sqlService().name());
        sql.createListener(primary, group, new ListenerSpec(estate.availabilityGroup().listenerName(),
                List.copyOf(estate.availabilityGroup().listenerIpsBySide().values()), estate.availabilityGroup().listenerPort()));
        // The fake is one instance for both replicas: a change that needs the secondary's answers is left to the next test.
        sql.createListener(secondary, group, new ListenerSpec(estate.availabilityGroup().listenerName(),
                List.of(estate.availabilityGroup().listenerIpsBySide().values().iterator().next()), 1433));
        BackupPlan.jobs(estate.databases().eceDatabases(), estate.paths().sqlBackups()).forEach(job -> sql.ensureAgentJob(primary, job));
        sql.startBackupBeforePatch(primary, "eGActiveDB", PRE_PATCH);
    }

    @Test
    void aPlanRecordsExactlyTheBatchesTheJdbcImplementationSends() {
        List<Recorded> recorded = new ArrayList<>();
        changes(JdbcSqlServerOperations.recording(estate, (host, step, operation, script) ->
                recorded.add(new Recorded(host, step, operation, script)), () -> "patch-2.1"));

        // A run finds nothing there yet, and is the primary with the database for the pre-patch backup's guard.
        server.when("^\\s*SELECT", Reply.ok().rows(List.of("x"), List.of()));
        server.when("FROM sys\\.databases d", Reply.ok().rows(List.of("name", "state_desc", "recovery_model_desc",
                "in_availability_group", "last_full_utc", "last_log_utc"), List.of(List.of("eGActiveDB", "ONLINE", "FULL", 1, "", ""))));
        server.when("is_local = 1", Reply.ok().rows(List.of("availability_group", "role_desc"),
                List.of(List.of(estate.availabilityGroup().name(), "PRIMARY"))));
        JdbcConnector connector = new JdbcConnector(JdbcAgainstFakeServerTest.labProfile(),
                new JdbcAgainstFakeServerTest.TestSecrets("Lab-Secret-7731"));
        changes(new JdbcSqlServerOperations(estate, (host, database) ->
                connector.open(SqlTarget.replicaAt(host, server.host(), server.port()), database), Duration.ofSeconds(10)));

        List<String> sent = server.statements().stream().filter(sql -> !sql.strip().startsWith("SELECT")).toList();
        List<String> planned = recorded.stream().flatMap(r -> GoSplitter.split(r.script()).stream())
                .map(GoSplitter.Batch::text).toList();
        assertThat(planned).isNotEmpty().containsExactlyElementsOf(sent);
        assertThat(recorded).extracting(Recorded::host).containsOnly("CC2K125ECEAA", "CC2K125ECEAB");
        assertThat(recorded).extracting(Recorded::step).containsOnly("patch-2.1");
        assertThat(recorded.get(1).operation()).isEqualTo("ALTER AVAILABILITY GROUP [" + estate.availabilityGroup().name()
                + "] (in master)");
    }

    @Test
    void withoutARunningStepAStatementIsFiledUnderItsOwnStep() {
        List<Recorded> recorded = new ArrayList<>();
        ScriptRecorder recorder = (host, step, operation, script) -> recorded.add(new Recorded(host, step, operation, script));
        JdbcSqlServerOperations.recording(estate, recorder, () -> "unknown step").createDatabase("CC2K125ECEAA", "AGTemp");
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.step()).isEqualTo("pre-6.2");
            assertThat(r.script()).startsWith("CREATE DATABASE [AGTemp]");
        });
    }

    @Test
    void aPlanTakesTheNotThereYetPathAndAsksNoGuardOrVerification() {
        List<String> operations = new ArrayList<>();
        Consumer<JdbcSqlServerOperations> everyChange = sql -> {
            sql.createDatabase("CC2K125ECEAA", "AGTemp");
            sql.setRecoveryModel("CC2K125ECEAA", "AGTemp", SqlServerOperations.RecoveryModel.FULL);
            sql.backupDatabase("CC2K125ECEAA", "AGTemp", "F:\\MSSQL\\Backups\\AGTemp.bak", true);
            sql.backupLog("CC2K125ECEAA", "AGTemp", "F:\\MSSQL\\Backups\\AGTemp.trn");
            sql.restoreDatabase("CC2K125ECEAB", "AGTemp", "F:\\MSSQL\\Backups\\AGTemp.bak", SqlServerOperations.Recovery.NORECOVERY);
            sql.restoreLog("CC2K125ECEAB", "AGTemp", "F:\\MSSQL\\Backups\\AGTemp.trn", SqlServerOperations.Recovery.NORECOVERY);
            sql.createHadrEndpoint("CC2K125ECEAA", 5022);
            sql.addDatabaseToAvailabilityGroup("CC2K125ECEAA", "CC2K125ECEDB", "eGActiveDB");
            sql.joinDatabaseToAvailabilityGroup("CC2K125ECEAB", "CC2K125ECEDB", "eGActiveDB");
            sql.removeDatabaseFromAvailabilityGroup("CC2K125ECEAA", "CC2K125ECEDB", "eGActiveDB");
            sql.leaveAvailabilityGroup("CC2K125ECEAB", "eGActiveDB");
            sql.replaceSecondaryCopy("CC2K125ECEAB", "eGActiveDB", "F:\\MSSQL\\Backups\\eGActiveDB.bak");
            sql.grantSsisCleanupPermissions("CC2K125ECEAA");
            sql.failover("CC2K125ECEAB", "CC2K125ECEDB");
            sql.startRestoreBeforePatch("CC2K125ECEAA", new PrePatchRestore("eGActiveDB", PRE_PATCH, 1, "0", "0",
                    "CC2K125ECEAA"));
        };
        everyChange.accept(JdbcSqlServerOperations.recording(estate, (host, step, operation, script) -> operations.add(operation),
                () -> "rollback"));
        assertThat(operations).hasSize(17).anyMatch(o -> o.startsWith("RESTORE VERIFYONLY"))
                .anyMatch(o -> o.startsWith("RESTORE HEADERONLY")).anyMatch(o -> o.startsWith("EXEC msdb.dbo.sp_add_job"));
    }
}
