package com.eceops.runbook.technology.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;
import com.eceops.runbook.technology.powershell.MarkdownPlan;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.SshFixture;
import com.eceops.runbook.technology.sql.tds.FakeTdsServer;
import com.eceops.runbook.technology.sql.tds.FakeTdsServer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pre-6.1 on a real estate is one {@link SqlServerOperations}: IsHadrEnabled is read over T-SQL (the fake TDS
 * server), the AlwaysOn setting and the restart go to the host by PowerShell (the fake Windows SSH server), and in
 * a plan both are recorded without either server being asked.
 */
class LiveSqlServerOperationsTest {

    private static final String HOST = SshFixture.HOST;

    @TempDir
    Path root;

    private final Estate estate = SampleEstate.massiveDynamic();
    private final FakeTdsServer tds = new FakeTdsServer().login("runbook", "Lab-Secret-7731");
    private FakeWindowsSshServer windows;
    private RemoteSessions sessions;

    @BeforeEach
    void start() throws Exception {
        windows = new FakeWindowsSshServer(root, SshFixture.USER, SshFixture.PASSWORD, true);
        sessions = SshFixture.sessions(windows, 1);
    }

    @AfterEach
    void stop() throws Exception {
        sessions.close();
        windows.close();
        tds.close();
    }

    private void hadrEnabled(int enabled) {
        tds.when("SERVERPROPERTY", Reply.ok().rows(List.of("edition", "product_version", "instance_name", "hadr_enabled"),
                List.of(List.of("Enterprise Edition (64-bit)", "13.0.5026.0", "MSSQLSERVER", enabled))));
    }

    private LiveSqlServerOperations live() {
        JdbcConnector connector = new JdbcConnector(JdbcAgainstFakeServerTest.labProfile(),
                new JdbcAgainstFakeServerTest.TestSecrets("Lab-Secret-7731"));
        JdbcSqlServerOperations tsql = new JdbcSqlServerOperations(estate, (host, database) ->
                connector.open(SqlTarget.replicaAt(host, tds.host(), tds.port()), database), Duration.ofSeconds(10));
        return new LiveSqlServerOperations(tsql, new SqlServiceHost(ScriptContext.live(sessions, () -> "pre-6.1",
                Duration.ofSeconds(10)), estate), 2, Duration.ZERO);
    }

    @Test
    void anInstanceWithAlwaysOnInEffectIsLeftAloneAndNotRestarted() {
        hadrEnabled(1);

        assertThat(live().enableAlwaysOn(HOST).changed()).isFalse();
        assertThat(live().restartSqlService(HOST).changed()).isFalse();
        assertThat(windows.scripts()).isEmpty();
    }

    @Test
    void alwaysOnIsEnabledOnTheHostWithoutItsOwnRestart() {
        hadrEnabled(0);
        windows.answers = command -> FakeWindowsSshServer.Answer.json(
                "{\"changed\":true,\"before\":\"AlwaysOn disabled\",\"after\":\"AlwaysOn enabled\"}");

        Change change = live().enableAlwaysOn(HOST);

        assertThat(change.changed()).isTrue();
        assertThat(windows.scripts()).singleElement().asString()
                .contains("$ServerInstance = 'CC2K125ECEAA'")
                .contains("Enable-SqlAlwaysOn -ServerInstance $ServerInstance -NoServiceRestart -Force")
                .contains("Import-Module SQLPS");
    }

    @Test
    void theRestartBringsBackEngineAndAgentAndIsVerifiedOverTSql() {
        hadrEnabled(0);
        windows.answers = command -> {
            hadrEnabled(1);
            return FakeWindowsSshServer.Answer.json("{\"changed\":true,\"before\":\"MSSQLSERVER Running\","
                    + "\"after\":\"MSSQLSERVER and SQLSERVERAGENT Running\"}");
        };

        assertThat(live().restartSqlService(HOST).changed()).isTrue();
        assertThat(windows.scripts()).singleElement().asString()
                .contains("$EngineService = 'MSSQLSERVER'").contains("$AgentService = 'SQLSERVERAGENT'")
                .contains("Restart-Service -InputObject $engine -Force").contains("$agent.WaitForStatus('Running'");
    }

    @Test
    void aRestartAfterWhichAlwaysOnIsNotInEffectFails() {
        hadrEnabled(0);
        windows.answers = command -> FakeWindowsSshServer.Answer.json("{\"changed\":true,\"before\":\"a\",\"after\":\"b\"}");

        assertThatThrownBy(() -> live().restartSqlService(HOST)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("IsHadrEnabled");
    }

    @Test
    void aPlanRecordsTheHostScriptsAndAsksNeitherServer() {
        MarkdownPlan scripts = new MarkdownPlan();
        LiveSqlServerOperations plan = new LiveSqlServerOperations(
                JdbcSqlServerOperations.recording(estate, new MarkdownPlan("sql"), () -> "pre-6.1"),
                new SqlServiceHost(ScriptContext.recording(sessions, () -> "pre-6.1", scripts, Duration.ofSeconds(10)), estate));

        plan.enableAlwaysOn(HOST);
        plan.restartSqlService(HOST);

        assertThat(scripts.toMarkdown("plan")).contains("## CC2K125ECEAA", "### pre-6.1: enable AlwaysOn",
                "### pre-6.1: restart the SQL Server service", "Enable-SqlAlwaysOn", "Restart-Service");
        assertThat(windows.scripts()).isEmpty();
        assertThat(tds.received()).isEmpty();
    }
}
