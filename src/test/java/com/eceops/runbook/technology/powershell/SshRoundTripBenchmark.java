package com.eceops.runbook.technology.powershell;

import com.eceops.runbook.technology.windows.HostScripts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.eceops.runbook.estate.Secret;
import com.xebialabs.overthere.CmdLine;
import com.xebialabs.overthere.ConnectionOptions;
import com.xebialabs.overthere.OperatingSystemFamily;
import com.xebialabs.overthere.Overthere;
import com.xebialabs.overthere.OverthereConnection;
import com.xebialabs.overthere.ssh.SshConnectionBuilder;

/**
 * Prints what one small PowerShell command costs over SSH to the in-process server on loopback: on a reused
 * connection, on a new connection each time, and with Overthere as shipped (its own connection factory, Nagle
 * on the client socket). Not a test: figures depend on the machine. Run it as docs/remote-execution.md says.
 */
public final class SshRoundTripBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path root = Files.createTempDirectory("ssh-bench");
        try (FakeWindowsSshServer server = new FakeWindowsSshServer(root, SshFixture.USER, SshFixture.PASSWORD, true)) {
            server.answers = command -> FakeWindowsSshServer.Answer.json("{\"reachable\":true}");
            report("reused connection (runbook: pinned key, TCP_NODELAY)", commands, reused(server, commands));
            report("new connection per command (runbook)", commands / 10, newEach(server, commands / 10));
            report("Overthere as shipped, reused connection", commands / 3, overthereDefaults(server, commands / 3));
        }
    }

    private static long reused(FakeWindowsSshServer server, int commands) {
        try (RemoteSessions sessions = SshFixture.sessions(server, 1)) {
            PowerShellRunner runner = new PowerShellRunner(sessions);
            warmUp(() -> runner.run(SshFixture.HOST, "bench", HostScripts.checkReachable(), TIMEOUT));
            long started = System.nanoTime();
            for (int i = 0; i < commands; i++) {
                runner.run(SshFixture.HOST, "bench", HostScripts.checkReachable(), TIMEOUT);
            }
            return System.nanoTime() - started;
        }
    }

    private static long newEach(FakeWindowsSshServer server, int commands) {
        OverthereConnector connector = SshFixture.connector();
        RemoteTarget target = SshFixture.target(server, server.fingerprint());
        long started = System.nanoTime();
        for (int i = 0; i < commands; i++) {
            try (OverthereConnection connection = connector.connect(target)) {
                CommandExecutor.run(connection, CommandLines.encoded(HostScripts.checkReachable().text()), TIMEOUT);
            }
        }
        return System.nanoTime() - started;
    }

    /** Overthere.getConnection finds its builders by classpath scan, which works outside a fat jar. */
    private static long overthereDefaults(FakeWindowsSshServer server, int commands) {
        ConnectionOptions options = new ConnectionOptions();
        options.set(ConnectionOptions.ADDRESS, "127.0.0.1");
        options.set(ConnectionOptions.PORT, server.port());
        options.set(ConnectionOptions.USERNAME, SshFixture.USER);
        options.set(ConnectionOptions.PASSWORD, new Secret(SshFixture.PASSWORD.toCharArray()).reveal());
        options.set(ConnectionOptions.OPERATING_SYSTEM, OperatingSystemFamily.WINDOWS);
        options.set(SshConnectionBuilder.CONNECTION_TYPE, "SFTP_OpenSSHD");
        CmdLine command = CommandLines.encoded(HostScripts.checkReachable().text());
        try (OverthereConnection connection = Overthere.getConnection("ssh", options)) {
            warmUp(() -> CommandExecutor.run(connection, command, TIMEOUT));
            long started = System.nanoTime();
            for (int i = 0; i < commands; i++) {
                CommandExecutor.run(connection, command, TIMEOUT);
            }
            return System.nanoTime() - started;
        }
    }

    private static void warmUp(Runnable command) {
        for (int i = 0; i < 20; i++) {
            command.run();
        }
    }

    private static void report(String what, int commands, long nanos) {
        double ms = nanos / 1e6 / commands;
        System.out.printf("%-55s %4d commands  %8.2f ms/command  %8.1f commands/s%n", what, commands, ms, 1000 / ms);
    }

    private SshRoundTripBenchmark() {
    }

    static List<String> usage() {
        return List.of("mvn -o -q test-compile exec:java -Dexec.classpathScope=test "
                + "-Dexec.mainClass=com.eceops.runbook.technology.powershell.SshRoundTripBenchmark");
    }
}
