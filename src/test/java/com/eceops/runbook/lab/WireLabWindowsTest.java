package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.SshFixture;
import com.eceops.runbook.technology.windows.FirewallRule;
import com.eceops.runbook.technology.windows.PowerShellWindowsOperations;
import com.eceops.runbook.technology.windows.WindowsOperations;
import com.eceops.runbook.technology.windows.WireLabWindows;

/**
 * The real Windows implementation over SSH against the wire lab does to a lab exactly what the lab's own implementation
 * does: the same answers to the caller, the same changes in the ledger, the same refusals. What this proves and what it
 * does not is in docs/remote-execution.md ("The wire lab").
 */
class WireLabWindowsTest {

    @TempDir
    Path direct;
    @TempDir
    Path wired;
    @TempDir
    Path sshRoot;

    private FakeWindowsSshServer server;
    private RemoteSessions sessions;
    private RehearsalLab directLab;
    private RehearsalLab wiredLab;

    @BeforeEach
    void start() throws Exception {
        directLab = LabFixtures.lab(direct, new ManualClock(LabFixtures.START), LabFixtures.instant());
        wiredLab = LabFixtures.lab(wired, new ManualClock(LabFixtures.START), LabFixtures.instant());
        server = new FakeWindowsSshServer(sshRoot, SshFixture.USER, SshFixture.PASSWORD, true);
        server.answers = new WireLabWindows(A, wiredLab.windows());
        sessions = SshFixture.sessions(server, 1);
    }

    @AfterEach
    void stop() throws Exception {
        sessions.close();
        server.close();
    }

    @Test
    void preinstallationsWindowsStepsOverTheWireLeaveTheLabAsTheLabsOwnImplementationDoes() {
        WindowsOperations real = new PowerShellWindowsOperations(ScriptContext.live(sessions, () -> "pre-3.1", Duration.ofSeconds(10)));

        List<Object> overTheWire = walk(real);
        List<Object> inTheLab = walk(directLab.windows());

        assertThat(overTheWire).isEqualTo(inTheLab);
        assertThat(changes(wiredLab)).isEqualTo(changes(directLab)).isNotEmpty();
        assertThat(server.received).as("every call was one script the wire lab recognised").hasSize(overTheWire.size());
    }

    @Test
    void aRefusalOfTheLabReachesTheCallerAsTheServersError() {
        WindowsOperations real = new PowerShellWindowsOperations(ScriptContext.live(sessions, () -> "pre-3.1", Duration.ofSeconds(10)));

        assertThatThrownBy(() -> real.ensureShare(A, "ECEFile", "E:\\NoSuchFolder", "MASSIVE\\ECESvc"))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("the directory does not exist");
    }

    /** What a run's first steps ask of side A's collocated server, and each answer as the caller sees it. */
    private static List<Object> walk(WindowsOperations windows) {
        List<Object> answers = new ArrayList<>();
        Function<Object, Object> keep = answer -> {
            answers.add(answer);
            return answer;
        };
        keep.apply(windows.readHostFacts(A).osVersion());
        keep.apply(windows.isReachable(A));
        keep.apply(windows.installedFeatures(A).stream().sorted().toList());
        keep.apply(windows.installFeatures(A, List.of("FS-DFS-Namespace", "FS-DFS-Replication", "Failover-Clustering")).installed());
        keep.apply(windows.installedFeatures(A).stream().sorted().toList());
        keep.apply(windows.ensureDirectory(A, "E:\\ECEFile").changed());
        keep.apply(windows.ensureDirectory(A, "E:\\ECEFile").changed());
        keep.apply(windows.ensureShare(A, "ECEFile", "E:\\ECEFile", "MASSIVE\\ECESvc").changed());
        keep.apply(windows.grantAccess(A, "E:\\ECEFile", "MASSIVE\\ECESvc", "FullControl").changed());
        keep.apply(windows.grantAccess(A, "E:\\ECEFile", "MASSIVE\\ECESvc", "FullControl").changed());
        keep.apply(windows.readAccessRules(A, "E:\\ECEFile"));
        keep.apply(windows.writeFile(A, "E:\\ECEFile\\note.txt", "line one\nline 'two'\n").changed());
        keep.apply(windows.readFile(A, "E:\\ECEFile\\note.txt"));
        keep.apply(windows.fileExists(A, "E:\\ECEFile\\note.txt"));
        keep.apply(windows.listFiles(A, "E:\\ECEFile"));
        keep.apply(windows.sha256(A, "E:\\ECEFile\\note.txt"));
        FirewallRule endpoint = new FirewallRule("EceRunbook-HadrEndpoint", "SQL Server availability group endpoint (TCP 5022)", 5022);
        keep.apply(windows.readFirewallRule(A, endpoint.name()).allows(endpoint));
        keep.apply(windows.ensureFirewallRule(A, endpoint).changed());
        keep.apply(windows.ensureFirewallRule(A, endpoint).changed());
        keep.apply(windows.readFirewallRule(A, endpoint.name()).allows(endpoint));
        keep.apply(windows.readService(A, "MSSQLSERVER"));
        return answers;
    }

    /** The lab's ledger without its clock: host, operation, what, before and after of every change. */
    private static List<String> changes(RehearsalLab lab) {
        return lab.ledger().stream().map(e -> e.host() + " " + e.operation() + " " + e.what() + ": " + e.before() + " -> " + e.after())
                .toList();
    }
}
