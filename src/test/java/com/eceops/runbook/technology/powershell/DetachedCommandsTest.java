package com.eceops.runbook.technology.powershell;

import com.eceops.runbook.technology.windows.PowerShellWindowsOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Secret;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;

/**
 * Detached commands and the scheduled-task way round the double hop, against the in-process SSH server: what is
 * uploaded, registered, polled and cleaned up, and that the password travels on standard input only.
 */
class DetachedCommandsTest {

    @TempDir
    Path root;

    private FakeWindowsSshServer server;
    private RemoteSessions sessions;
    private final AtomicInteger polls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = new FakeWindowsSshServer(root, SshFixture.USER, SshFixture.PASSWORD, true);
        sessions = new RemoteSessions(SshFixture.connector(), List.of(target(Optional.of(Connection.DoubleHop.SCHEDULED_TASK))),
                2, Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() throws Exception {
        sessions.close();
        server.close();
    }

    @Test
    void aLongCommandIsUploadedRegisteredAsATaskOfTheConnectedAccountPolledAndCleanedUp() throws Exception {
        server.answers = scripted("{\"state\":\"finished\",\"exitCode\":3,\"stdout\":\"installing\\r\\ndone\",\"stderr\":\"\"}", 2);
        DetachedCommands detached = new DetachedCommands(sessions, ScriptRecorder.NONE, false, Duration.ofSeconds(10));
        PowerShellScript installer = PowerShellScript.of("run the ECE installer", """
                & $Setup -i silent
                """).with("Setup", "D:\\ECE\\setup.exe");

        DetachedHandle handle = detached.start(SshFixture.HOST, "patch-2.1", installer, Duration.ofMinutes(90));

        assertThat(handle.taskName()).startsWith("runbook-patch-2.1-");
        assertThat(handle.folder()).isEqualTo(DetachedScripts.RUNS + handle.id());
        assertThat(handle.runAs()).isNull();
        assertThat(Files.readString(server.local(handle.folder() + "\\payload.ps1"), StandardCharsets.UTF_8))
                .contains("$Setup = 'D:\\ECE\\setup.exe'", "& $Setup -i silent");
        assertThat(Files.readString(server.local(handle.folder() + "\\wrapper.ps1"), StandardCharsets.UTF_8))
                .contains("Start-Process -FilePath 'powershell.exe'", "exit-code.txt");
        String register = only("Register-ScheduledTask");
        assertThat(register).contains("-LogonType S4U", "Start-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath",
                "$TaskName = '" + handle.taskName() + "'", "$Folder = '" + handle.folder() + "'",
                "$LimitMinutes = 90", "$TaskPath = '\\EceRunbook\\'").doesNotContain("-Password");
        assertThat(server.stdinLines).isEmpty();

        assertThat(detached.poll(handle)).isEqualTo(new DetachedStatus.Running("Running"));
        assertThat(detached.poll(handle)).isEqualTo(new DetachedStatus.Running("Running"));
        DetachedStatus.Finished finished = (DetachedStatus.Finished) detached.poll(handle);
        assertThat(finished.exitCode()).isEqualTo(3);
        assertThat(finished.succeeded()).isFalse();
        assertThat(finished.outputTail()).isEqualTo("installing\r\ndone");
        assertThat(polls).hasValue(3);
        assertThat(scriptsWith("Get-ScheduledTaskInfo")).allSatisfy(poll -> assertThat(poll)
                .contains("$TaskName = '" + handle.taskName() + "'", "$Folder = '" + handle.folder() + "'"));

        detached.cleanUp(handle);

        assertThat(only("Unregister-ScheduledTask")).contains("$TaskName = '" + handle.taskName() + "'",
                "$Folder = '" + handle.folder() + "'", "Remove-Item -LiteralPath $Folder -Recurse -Force",
                "Stop-ScheduledTask");
    }

    @Test
    void aTaskThatEndedWithoutAnExitCodeIsLost() {
        server.answers = scripted("{\"state\":\"lost\",\"taskState\":\"Ready\",\"lastTaskResult\":2147946720}", 0);
        DetachedCommands detached = new DetachedCommands(sessions, ScriptRecorder.NONE, false, Duration.ofSeconds(10));

        DetachedHandle handle = detached.start(SshFixture.HOST, "patch-4.3", PowerShellScript.of("restart ECE", "Restart-Service -Name 'x'"),
                Duration.ofMinutes(20));

        assertThat(detached.poll(handle)).isInstanceOfSatisfying(DetachedStatus.Lost.class, lost ->
                assertThat(lost.reason()).contains(handle.taskName(), "Ready", "2147946720"));
    }

    @Test
    void copyFileRunsAsATaskRegisteredWithThePasswordOnStandardInputOnly() throws Exception {
        server.answers = scripted("{\"state\":\"finished\",\"exitCode\":0,\"stdout\":\"{\\\"changed\\\":true,\\\"before\\\":\\\"no identical copy\\\",\\\"after\\\":\\\"copied\\\"}\",\"stderr\":\"\"}", 1);
        MarkdownPlan plan = new MarkdownPlan();
        PowerShellWindowsOperations windows = new PowerShellWindowsOperations(new ScriptContext(sessions, () -> "post-4", plan, false, Duration.ofSeconds(10)));
        windows.detached().pollInterval(Duration.ofMillis(10));

        Change change = windows.copyFile(SshFixture.HOST, "F:\\MSSQL\\Backups\\eceDB.bak", "CC2K125ECEAB", "F:\\MSSQL\\Backups\\eceDB.bak");

        assertThat(change).isEqualTo(Change.of("no identical copy", "copied"));
        String register = only("Register-ScheduledTask");
        assertThat(register).contains("-User $RunAs -Password $secret", "$RunAs = '" + SshFixture.USER + "'",
                "[Console]::In.ReadLine()");
        assertThat(server.stdinLines).containsExactly(SshFixture.PASSWORD);
        assertThat(server.scripts()).noneMatch(script -> script.contains(SshFixture.PASSWORD));
        assertThat(server.received).noneMatch(command -> command.commandLine().contains(SshFixture.PASSWORD));
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(DetachedCommandsTest::read))
                    .anySatisfy(file -> assertThat(file).contains("Copy-Item -LiteralPath $Source -Destination $Target",
                            "$Target = '\\\\CC2K125ECEAB\\F$\\MSSQL\\Backups\\eceDB.bak'"))
                    .noneMatch(file -> file.contains(SshFixture.PASSWORD));
        }
        assertThat(scriptsWith("Unregister-ScheduledTask")).hasSize(1);
        assertThat(plan.toMarkdown("done")).contains("copy file (scheduled task as ece-admin, password ******)")
                .doesNotContain(SshFixture.PASSWORD);
    }

    @Test
    void aFailedCopyIsAnErrorWithTheTaskOutputAndTheTaskIsStillCleanedUp() {
        server.answers = scripted("{\"state\":\"finished\",\"exitCode\":1,\"stdout\":\"\",\"stderr\":\"Access to the path is denied.\"}", 0);
        PowerShellWindowsOperations windows = new PowerShellWindowsOperations(new ScriptContext(sessions, () -> "post-4", ScriptRecorder.NONE, false, Duration.ofSeconds(10)));

        assertThatThrownBy(() -> windows.copyFile(SshFixture.HOST, "F:\\a.bak", "CC2K125ECEAB", "F:\\a.bak"))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("exited with 1").hasMessageContaining("Access to the path is denied.");
        assertThat(scriptsWith("Unregister-ScheduledTask")).hasSize(1);
    }

    @Test
    void planModeRecordsTheCopyAndItsRouteAndSendsNothing() {
        MarkdownPlan plan = new MarkdownPlan();
        PowerShellWindowsOperations windows = new PowerShellWindowsOperations(new ScriptContext(sessions, () -> "post-4", plan, true, Duration.ofSeconds(10)));

        windows.copyFile(SshFixture.HOST, "F:\\a.bak", "CC2K125ECEAB", "F:\\a.bak");
        DetachedHandle handle = windows.detached().start(SshFixture.HOST, "patch-2.1", PowerShellScript.of("run the installer", "& 'D:\\setup.exe'"),
                Duration.ofMinutes(30), new HopRoute.ScheduledTask(SshFixture.HOST, SshFixture.USER, new CredentialRef("cluster-admin")));

        assertThat(server.received).isEmpty();
        assertThat(windows.detached().poll(handle)).isEqualTo(new DetachedStatus.Finished(0, "", ""));
        assertThat(plan.toMarkdown("plan")).contains("copy file (scheduled task as ece-admin, password ******)",
                "run the installer (detached, scheduled task as ece-admin with its password (******))",
                "Register-ScheduledTask -TaskName $TaskName");
    }

    @Test
    void aDetachedPayloadCannotCarryASecretBecauseItIsWrittenToDisk() {
        DetachedCommands detached = new DetachedCommands(sessions, ScriptRecorder.NONE, false, Duration.ofSeconds(10));
        PowerShellScript withSecret = PowerShellScript.of("set a password", "$Password | Out-Null")
                .with("Password", new Secret("pa55-word-in-a-file".toCharArray()));

        assertThatThrownBy(() -> detached.start(SshFixture.HOST, "pre-2", withSecret, Duration.ofMinutes(5)))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("cannot carry a secret");
        assertThat(server.received).isEmpty();
    }

    /** Start answers started, a poll answers running {@code runningPolls} times and then {@code last}; clean-up answers. */
    private java.util.function.Function<FakeWindowsSshServer.Received, FakeWindowsSshServer.Answer> scripted(String last, int runningPolls) {
        return command -> {
            String script = command.script();
            if (script.contains("Register-ScheduledTask")) {
                return FakeWindowsSshServer.Answer.json("{\"started\":true,\"task\":\"\\\\EceRunbook\\\\x\"}");
            }
            if (script.contains("Get-ScheduledTaskInfo")) {
                return FakeWindowsSshServer.Answer.json(polls.incrementAndGet() <= runningPolls
                        ? "{\"state\":\"running\",\"taskState\":\"Running\"}" : last);
            }
            if (script.contains("Unregister-ScheduledTask")) {
                return FakeWindowsSshServer.Answer.json("{\"unregistered\":true,\"stopped\":false,\"removed\":true}");
            }
            return FakeWindowsSshServer.Answer.json("{}");
        };
    }

    private String only(String marker) {
        List<String> found = scriptsWith(marker);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<String> scriptsWith(String marker) {
        return server.scripts().stream().filter(script -> script.contains(marker)).toList();
    }

    private RemoteTarget target(Optional<Connection.DoubleHop> hop) {
        return new RemoteTarget(SshFixture.HOST, "127.0.0.1", new Connection(Connection.Protocol.SSH, server.port(),
                SshFixture.USER, new CredentialRef("cluster-admin"), Optional.of(server.fingerprint()), Optional.empty(),
                Optional.empty(), false, hop));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
