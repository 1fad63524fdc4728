package com.eceops.runbook.technology.reportsdb;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.RemoteTarget;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.powershell.SshFixture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.technology.reportsdb.ReportsDbPropertiesText;
import com.eceops.runbook.technology.reportsdb.UtilityRun;
import com.eceops.runbook.technology.reportsdb.UtilityStatus;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

/**
 * post-7 live against a fake Windows SSH server that echoes the SSIS password back in the utility's output and log:
 * the password reaches the server in the script that writes the properties file, and nowhere else (no log line,
 * no answer that becomes a process variable).
 */
class ReportsDbSecretsStayHiddenTest {

    private static final String SECRET = SshFixture.PASSWORD;
    private static final String DIRECTORY = "E:\\ReportsDB Utility (SQL Server Always ON)";

    @TempDir
    Path root;

    private FakeWindowsSshServer server;
    private RemoteSessions sessions;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void start() throws Exception {
        Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        rootLogger.addAppender(logs);
        Logger ours = (Logger) LoggerFactory.getLogger("com.eceops.runbook");
        levelBefore = ours.getLevel();
        ours.setLevel(Level.TRACE);
        server = new FakeWindowsSshServer(root, SshFixture.USER, SshFixture.PASSWORD, true);
        sessions = new RemoteSessions(SshFixture.connector(), List.of(new RemoteTarget(SshFixture.HOST, "127.0.0.1",
                new Connection(Connection.Protocol.SSH, server.port(), SshFixture.USER, new CredentialRef("cluster-admin"),
                        Optional.of(server.fingerprint()), Optional.empty(), Optional.empty(), false,
                        Optional.of(Connection.DoubleHop.SCHEDULED_TASK)))), 1, Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() throws Exception {
        sessions.close();
        server.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger("com.eceops.runbook")).setLevel(levelBefore);
    }

    @Test
    void theSsisPasswordIsWrittenToTheFileAndShowsUpNowhereElse() {
        server.answers = command -> {
            String script = command.script();
            if (script.contains("$SecretValues")) {
                return FakeWindowsSshServer.Answer.json("{\"changed\":true,\"before\":\"absent\",\"after\":\"written\"}");
            }
            if (script.contains("Register-ScheduledTask")) {
                return FakeWindowsSshServer.Answer.json("{\"started\":true}");
            }
            if (script.contains("Get-ScheduledTaskInfo")) {
                return FakeWindowsSshServer.Answer.json("{\"state\":\"finished\",\"exitCode\":1,\"stdout\":\"login " + SECRET
                        + " failed\",\"stderr\":\"\"}");
            }
            if (script.contains("ReportsDBUtil.log")) {
                return FakeWindowsSshServer.Answer.json("{\"exists\":true,\"content\":\"eg_log_CC2K125ECEAA_ReportsDBUtil.log\\nERROR password "
                        + SECRET + " rejected\"}");
            }
            return FakeWindowsSshServer.Answer.json("{\"exists\":true,\"content\":\"SSIS_USER_PASSWORD=******\"}");
        };
        PowerShellReportsDbUtility utility = new PowerShellReportsDbUtility(new ScriptContext(sessions, () -> "post-7", ScriptRecorder.NONE, false, Duration.ofSeconds(10)));
        List<Object> answers = new ArrayList<>();

        answers.add(utility.writeProperties(SshFixture.HOST, DIRECTORY + "\\reportsdb_utility.properties",
                ReportsDbPropertiesText.withValues("SSIS_USER_PASSWORD=\r\n", Map.of()),
                Map.of("SSIS_USER_PASSWORD", new CredentialRef("sql-service"))));
        answers.add(utility.readPropertiesMasked(SshFixture.HOST, DIRECTORY + "\\reportsdb_utility.properties",
                ReportsDbPropertiesText.SECRET_KEYS));
        UtilityRun run = utility.startCreateDbObjects(SshFixture.HOST, DIRECTORY);
        answers.add(run.toVariable());
        UtilityStatus status = utility.poll(run);
        answers.add(status);
        answers.add(utility.readLogTail(SshFixture.HOST, DIRECTORY));

        assertThat(server.received).anyMatch(command -> command.script().contains("$SecretValues = @('" + SECRET + "')"));
        assertThat(status).isInstanceOf(UtilityStatus.Finished.class);
        assertThat(answers).allSatisfy(answer -> assertThat(String.valueOf(answer)).doesNotContain(SECRET));
        assertThat(answers.get(4).toString()).contains("ERROR password ****** rejected");
        List<String> logged = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            logged.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                logged.add(t.getMessage());
            }
        }
        assertThat(logged).isNotEmpty().noneMatch(line -> line != null && line.contains(SECRET));
    }
}
