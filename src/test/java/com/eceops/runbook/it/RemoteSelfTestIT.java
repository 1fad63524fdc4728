package com.eceops.runbook.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;

/**
 * The packaged jar runs a PowerShell command through Overthere against an in-process SSH server: the connection
 * builders work inside the Spring Boot executable jar (no classpath scan), the host key pin too.
 */
class RemoteSelfTestIT {

    private static final String USER = "ece-admin";
    private static final String PASSWORD = "selftest-Pa55word!";

    @Test
    void thePackagedJarRunsOnePowerShellCommandOverSsh() throws Exception {
        Path root = Files.createTempDirectory("runbook-selftest");
        try (FakeWindowsSshServer server = new FakeWindowsSshServer(root, USER, PASSWORD, true)) {
            server.answers = command -> FakeWindowsSshServer.Answer.json("{\"reachable\":true,\"computer\":\"CC2K125ECEAA\"}");
            try (RunbookJar jar = RunbookJar.start(Map.of("RUNBOOK_SELFTEST_PASSWORD", PASSWORD),
                    "--remote-selftest=127.0.0.1:" + server.port(), "--remote-selftest-fingerprint=" + server.fingerprint(),
                    "--remote-selftest-user=" + USER)) {
                int exit = jar.awaitExit(Duration.ofMinutes(2));
                String console = jar.consoleText();

                assertThat(exit).as(console).isZero();
                assertThat(console).contains("remote-selftest: ok 127.0.0.1:" + server.port()
                        + " answered {\"reachable\":true,\"computer\":\"CC2K125ECEAA\"}").doesNotContain(PASSWORD);
                assertThat(server.scripts()).singleElement().asString()
                        .contains("$ErrorActionPreference = 'Stop'", "reachable = $true");
            }
        }
    }

    @Test
    void aHostKeyOtherThanThePinnedOneIsRefusedFromTheJarToo() throws Exception {
        Path root = Files.createTempDirectory("runbook-selftest");
        try (FakeWindowsSshServer server = new FakeWindowsSshServer(root, USER, PASSWORD, true);
             RunbookJar jar = RunbookJar.start(Map.of("RUNBOOK_SELFTEST_PASSWORD", PASSWORD),
                     "--remote-selftest=127.0.0.1:" + server.port(),
                     "--remote-selftest-fingerprint=SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                     "--remote-selftest-user=" + USER)) {
            int exit = jar.awaitExit(Duration.ofMinutes(2));

            assertThat(exit).as(jar.consoleText()).isEqualTo(1);
            assertThat(jar.consoleText()).contains("remote-selftest: failed", server.fingerprint());
            assertThat(server.received).isEmpty();
        }
    }
}
