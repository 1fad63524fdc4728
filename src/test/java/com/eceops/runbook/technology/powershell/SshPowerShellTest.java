package com.eceops.runbook.technology.powershell;

import com.eceops.runbook.technology.windows.FileScripts;
import com.eceops.runbook.technology.windows.HostScripts;
import com.eceops.runbook.technology.windows.ServiceScripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eceops.runbook.operations.OperationFailedException;

/** PowerShell over SSH with Overthere's own client against an in-process SSH server with SFTP. */
class SshPowerShellTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private FakeWindowsSshServer server;
    private RemoteSessions sessions;
    private PowerShellRunner runner;

    @BeforeEach
    void start() throws Exception {
        server = new FakeWindowsSshServer(root, SshFixture.USER, SshFixture.PASSWORD, true);
        sessions = SshFixture.sessions(server, 2);
        runner = new PowerShellRunner(sessions);
    }

    @AfterEach
    void stop() throws Exception {
        sessions.close();
        server.close();
    }

    @Test
    void aScriptTravelsEncodedWithItsPreambleAndItsJsonAnswerIsRead() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"names\":[\"FS-DFS-Namespace\",\"Failover-Clustering\"]}");

        Answers.Names names = runner.run(SshFixture.HOST, "pre-1", HostScripts.installedFeatures(), TIMEOUT, Answers.Names.class);

        assertThat(names.names()).containsExactly("FS-DFS-Namespace", "Failover-Clustering");
        assertThat(server.received).singleElement().satisfies(received -> {
            assertThat(received.commandLine()).startsWith("powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ");
            assertThat(received.script()).isEqualTo(HostScripts.installedFeatures().text())
                    .startsWith("$ErrorActionPreference = 'Stop'\n$ProgressPreference = 'SilentlyContinue'\n");
        });
    }

    @Test
    void aNonZeroExitFailsWithHostStepFirstLineAndTheTailOfTheOutput() {
        server.answers = command -> new FakeWindowsSshServer.Answer(1, "partial output\r\n",
                "Install-WindowsFeature : The request to add or remove features failed.", Duration.ZERO);

        assertThatThrownBy(() -> runner.run(SshFixture.HOST, "pre-1", HostScripts.installFeatures(List.of("Failover-Clustering")), TIMEOUT))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining(SshFixture.HOST)
                .hasMessageContaining("install features")
                .hasMessageContaining("step pre-1")
                .hasMessageContaining("'$result = Install-WindowsFeature -Name $Features -IncludeManagementTools'")
                .hasMessageContaining("exited with 1")
                .hasMessageContaining("The request to add or remove features failed.");
    }

    @Test
    void progressRecordsOnStderrAreIgnored() {
        String progress = "#< CLIXML\r\n<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
                + "<Obj S=\"progress\" RefId=\"0\"><TN RefId=\"0\"><T>System.Management.Automation.PSCustomObject</T></TN>"
                + "<MS><I64 N=\"SourceId\">1</I64><PR N=\"Record\"><AV>Preparing modules for first use.</AV></PR></MS></Obj></Objs>";
        server.answers = command -> new FakeWindowsSshServer.Answer(0, "{\"count\":3}\r\n", progress, Duration.ZERO);

        Answers.Count count = runner.run(SshFixture.HOST, "patch-1.3", ServiceScripts.countProcessesRunningAs("MASSIVE\\ECESvc"), TIMEOUT, Answers.Count.class);

        assertThat(count.count()).isEqualTo(3);
    }

    @Test
    void anErrorRecordOnStderrFailsEvenWithExitCodeZero() {
        String error = "#< CLIXML\r\n<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
                + "<S S=\"Error\">Get-Acl : Cannot find path 'E:\\ECEFile' because it does not exist._x000D__x000A_</S></Objs>";
        server.answers = command -> new FakeWindowsSshServer.Answer(0, "", error, Duration.ZERO);

        assertThatThrownBy(() -> runner.run(SshFixture.HOST, "pre-3.1", FileScripts.readAccessRules("E:\\ECEFile"), TIMEOUT))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("wrote an error")
                .hasMessageContaining("Cannot find path 'E:\\ECEFile' because it does not exist.")
                .hasMessageNotContaining("CLIXML").hasMessageNotContaining("_x000D_");
    }

    @Test
    void outputThatIsNotJsonFails() {
        server.answers = command -> new FakeWindowsSshServer.Answer(0, "WARNING: something odd\r\n", "", Duration.ZERO);

        assertThatThrownBy(() -> runner.run(SshFixture.HOST, "pre-1", HostScripts.readHostFacts(), TIMEOUT))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("is not JSON").hasMessageContaining("WARNING: something odd");
    }

    @Test
    void aSlowCommandIsKilledAndReportedAsTimedOutNeverAsSuccess() {
        server.answers = command -> new FakeWindowsSshServer.Answer(0, "{\"changed\":true}", "", Duration.ofSeconds(30));

        assertThatThrownBy(() -> runner.run(SshFixture.HOST, "post-2", ServiceScripts.startService("Cisco"), Duration.ofMillis(700)))
                .isInstanceOf(CommandTimedOutException.class)
                .hasMessageContaining("killed after").hasMessageContaining("effect is unknown");
    }

    @Test
    void aLongScriptIsUploadedBySftpRunWithFileAndDeleted() throws Exception {
        String content = "é".repeat(6000);
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"changed\":true,\"before\":\"absent\",\"after\":\"written\"}");

        Answers.Changed changed = runner.run(SshFixture.HOST, "post-10", FileScripts.writeFile("C:\\ECE\\ece_config.js", content), TIMEOUT, Answers.Changed.class);

        assertThat(changed.changed()).isTrue();
        FakeWindowsSshServer.Received run = server.received.get(0);
        assertThat(run.commandLine()).contains("-File C:\\Windows\\Temp\\runbook-");
        assertThat(run.script()).isEqualTo("[BOM]" + FileScripts.writeFile("C:\\ECE\\ece_config.js", content).text());
        assertThat(server.received.get(1).script()).contains("Remove-Item -LiteralPath $Path");
        try (var files = Files.list(root.resolve("C:/Windows/Temp"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aHostWhoseKeyDiffersFromTheInventoryIsRefused() {
        String other = "SHA256:" + "A".repeat(43);
        RemoteSessions pinnedElsewhere = new RemoteSessions(SshFixture.connector(),
                List.of(SshFixture.target(server, other)), 1, Duration.ofMinutes(1));

        assertThatThrownBy(() -> new PowerShellRunner(pinnedElsewhere).run(SshFixture.HOST, "pre-1", HostScripts.checkReachable(), TIMEOUT))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("the SSH host key of " + SshFixture.HOST + " is " + server.fingerprint())
                .hasMessageContaining("the inventory pins " + other);
        assertThat(server.received).isEmpty();
        pinnedElsewhere.close();
    }

    @Test
    void aHostWithoutAPinnedKeyIsRefused() {
        RemoteSessions unpinned = new RemoteSessions(SshFixture.connector(), List.of(SshFixture.target(server, null)), 1, Duration.ofMinutes(1));

        assertThatThrownBy(() -> new PowerShellRunner(unpinned).run(SshFixture.HOST, "pre-1", HostScripts.checkReachable(), TIMEOUT))
                .hasMessageContaining("no hostKeyFingerprint in the inventory");
        unpinned.close();
    }

    @Test
    void theFingerprintIsTheOneOpenSshPrints() {
        assertThat(server.fingerprint()).isEqualTo(KeyUtils.getFingerPrint(BuiltinDigests.sha256, server.hostKey()));
    }

    @Test
    void oneConnectionServesEveryCommandOfTheRun() {
        // Speed is measured by SshRoundTripBenchmark; a pass/fail test only checks that the connection is reused.
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"reachable\":true}");
        for (int i = 0; i < 20; i++) {
            runner.run(SshFixture.HOST, "pre-1", HostScripts.checkReachable(), TIMEOUT, Answers.Reachable.class);
        }
        assertThat(sessions.opened()).isEqualTo(1);
    }

    @Test
    void noMoreCommandsRunOnAHostAtOnceThanItsLimit() throws Exception {
        server.answers = command -> new FakeWindowsSshServer.Answer(0, "{\"reachable\":true}", "", Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(pool.submit(() -> runner.run(SshFixture.HOST, "pre-1", HostScripts.checkReachable(), TIMEOUT)));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertThat(server.mostAtOnce.get()).isEqualTo(2);
        assertThat(sessions.opened()).isEqualTo(2);
    }
}
