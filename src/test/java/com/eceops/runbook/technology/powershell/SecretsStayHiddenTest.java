package com.eceops.runbook.technology.powershell;

import com.eceops.runbook.technology.cluster.PowerShellClusterOperations;
import com.eceops.runbook.technology.windows.PowerShellWindowsOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

/**
 * After a run through {@link PowerShellWindowsOperations} that registers a task with the account's password, and
 * whose server echoes that password in its output and errors, the password is in no log line (nor in any encoded
 * command a log line carries), no exception message, no plan and nothing that would become a process variable.
 */
class SecretsStayHiddenTest {

    private static final String SECRET = SshFixture.PASSWORD;
    private static final Pattern ENCODED = Pattern.compile("-EncodedCommand\\s+([A-Za-z0-9+/=]+)");
    private static final List<String> LOGGERS = List.of("com.eceops.runbook", "com.xebialabs.overthere", "net.schmizz");

    @TempDir
    Path root;

    private FakeWindowsSshServer server;
    private RemoteSessions sessions;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Level> levelsBefore = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        rootLogger.addAppender(logs);
        for (String name : LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levelsBefore.add(logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
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
        for (int i = 0; i < LOGGERS.size(); i++) {
            ((Logger) LoggerFactory.getLogger(LOGGERS.get(i))).setLevel(levelsBefore.get(i));
        }
    }

    @Test
    void theSecretIsInNoLogExceptionPlanOrProcessVariable() throws Exception {
        server.answers = command -> {
            String script = command.script();
            if (script.contains("Register-ScheduledTask")) {
                return FakeWindowsSshServer.Answer.json("{\"started\":true}");
            }
            if (script.contains("Get-ScheduledTaskInfo")) {
                boolean failing = script.contains("runbook-patch");
                return FakeWindowsSshServer.Answer.json(failing
                        ? "{\"state\":\"finished\",\"exitCode\":5,\"stdout\":\"logon as ece-admin/" + SECRET + " failed\",\"stderr\":\"bad password " + SECRET + "\"}"
                        : "{\"state\":\"finished\",\"exitCode\":0,\"stdout\":\"{\\\"changed\\\":true,\\\"before\\\":\\\"" + SECRET + "\\\",\\\"after\\\":\\\"copied\\\"}\",\"stderr\":\"\"}");
            }
            if (script.contains("Unregister-ScheduledTask")) {
                return FakeWindowsSshServer.Answer.json("{\"unregistered\":true,\"stopped\":false,\"removed\":true}");
            }
            if (script.contains("Win32_Service")) {
                return FakeWindowsSshServer.Answer.json("{\"exists\":true,\"state\":\"Running\",\"startMode\":\"Auto\",\"account\":\"" + SECRET + "\"}");
            }
            return new FakeWindowsSshServer.Answer(1, "echo " + SECRET, "Access denied for " + SECRET, Duration.ZERO);
        };
        MarkdownPlan plan = new MarkdownPlan();
        PowerShellWindowsOperations windows = new PowerShellWindowsOperations(new ScriptContext(sessions, () -> "post-4", plan, false, Duration.ofSeconds(10)));
        windows.detached().pollInterval(Duration.ofMillis(10));
        List<Object> processVariables = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();

        processVariables.add(windows.copyFile(SshFixture.HOST, "F:\\MSSQL\\Backups\\eceDB.bak", "CC2K125ECEAB", "F:\\MSSQL\\Backups\\eceDB.bak"));
        processVariables.add(windows.readService(SshFixture.HOST, "Cisco"));
        // New-Cluster reaches AD and the other node: it goes the scheduled-task way with the same password.
        processVariables.add(new PowerShellClusterOperations(new ScriptContext(sessions, () -> "pre-5.1", plan, false, Duration.ofSeconds(10)))
                .createCluster(SshFixture.HOST, "CC2K125ECEFOC", List.of(SshFixture.HOST, "CC2K125ECEAB"), List.of("14.10.162.170", "14.10.172.170")));
        failures.add(catchThrowable(() -> windows.ensureDirectory(SshFixture.HOST, "E:\\ECEFile")));
        DetachedHandle handle = windows.detached().start(SshFixture.HOST, "patch-2.1", PowerShellScript.of("run the installer", "& 'D:\\setup.exe'"),
                Duration.ofMinutes(30), new HopRoute.ScheduledTask(SshFixture.HOST, SshFixture.USER, new CredentialRef("cluster-admin")));
        processVariables.add(handle);
        processVariables.add(windows.detached().poll(handle));
        windows.detached().cleanUp(handle);
        PowerShellWindowsOperations planning = new PowerShellWindowsOperations(new ScriptContext(sessions, () -> "post-4", plan, true, Duration.ofSeconds(10)));
        planning.copyFile(SshFixture.HOST, "F:\\a.bak", "CC2K125ECEAB", "F:\\a.bak");
        new PowerShellClusterOperations(new ScriptContext(sessions, () -> "pre-5.1", plan, true, Duration.ofSeconds(10)))
                .createCluster(SshFixture.HOST, "CC2K125ECEFOC", List.of(SshFixture.HOST, "CC2K125ECEAB"), List.of("14.10.162.170", "14.10.172.170"));
        processVariables.add(planning.detached().start(SshFixture.HOST, "patch-2.1", PowerShellScript.of("run the installer", "& 'D:\\setup.exe'"),
                Duration.ofMinutes(30), new HopRoute.ScheduledTask(SshFixture.HOST, SshFixture.USER, new CredentialRef("cluster-admin"))));

        // The secret did travel, on standard input only, so the checks below are not vacuous.
        assertThat(server.stdinLines).contains(SECRET);
        assertThat(failures).allSatisfy(failure -> assertThat(failure).isNotNull());

        List<String> logged = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            logged.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                logged.add(t.getMessage());
            }
        }
        assertThat(logged).as("log lines").isNotEmpty().noneMatch(line -> line != null && line.contains(SECRET));
        assertThat(logged.stream().flatMap(SecretsStayHiddenTest::decodedCommands))
                .as("scripts inside logged command lines").isNotEmpty().noneMatch(script -> script.contains(SECRET));
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).as("exception message").doesNotContain(SECRET);
                assertThat(t.toString()).doesNotContain(SECRET);
            }
        }
        assertThat(plan.toMarkdown("plan")).as("plan").contains("password ******").doesNotContain(SECRET)
                .contains("### pre-5.1: create the cluster (scheduled task as " + SshFixture.USER + ", password ******)");
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        for (Object variable : processVariables) {
            assertThat(json.writeValueAsString(variable)).as("process variable %s", variable.getClass().getSimpleName())
                    .doesNotContain(SECRET);
            assertThat(variable.toString()).doesNotContain(SECRET);
        }
        for (Throwable failure : failures) {
            assertThat(json.writeValueAsString(failure.getMessage())).as("incident message").doesNotContain(SECRET);
        }
    }

    private static java.util.stream.Stream<String> decodedCommands(String line) {
        if (line == null) {
            return java.util.stream.Stream.empty();
        }
        List<String> scripts = new ArrayList<>();
        Matcher matcher = ENCODED.matcher(line);
        while (matcher.find()) {
            scripts.add(new String(Base64.getDecoder().decode(matcher.group(1)), StandardCharsets.UTF_16LE));
        }
        return scripts.stream();
    }
}
