package com.eceops.runbook.technology.ece;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;
import com.eceops.runbook.technology.powershell.MarkdownPlan;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.RemoteTarget;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.powershell.ScriptValues;
import com.eceops.runbook.technology.powershell.SshFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.technology.ece.EceInstallation;
import com.eceops.runbook.technology.ece.LoginPage;
import com.eceops.runbook.technology.ece.SetupRun;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.web.HttpAnswer;
import com.eceops.runbook.technology.web.ServedCertificate;
import com.eceops.runbook.technology.web.WebEndpointOperations;

/** ECE over SSH against the fake Windows server: installation traces, config files, login page, the honest gaps. */
class PowerShellEceOperationsTest {

    private static final Estate SAMPLE = ScriptValues.sampleEstate();

    @TempDir
    Path root;

    private FakeWindowsSshServer server;
    private RemoteSessions sessions;
    private final List<String> urls = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeWindowsSshServer(root, SshFixture.USER, SshFixture.PASSWORD, true);
        RemoteTarget collocated = SshFixture.target(server, server.fingerprint());
        RemoteTarget web = new RemoteTarget("CC2K125ECEWA", collocated.address(), collocated.connection());
        sessions = new RemoteSessions(SshFixture.connector(), List.of(collocated, web), 1, Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() throws Exception {
        sessions.close();
        server.close();
    }

    @Test
    void theInstallationIsReadFromTheServiceTheHomeAndTheWebServerFile() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"servicePresent\":true,\"homePresent\":true,\"webServerFilePresent\":false}");

        EceInstallation installation = operations(new MarkdownPlan(), false).readInstallation(SshFixture.HOST);

        assertThat(installation).isEqualTo(new EceInstallation(SshFixture.HOST, EnumSet.of(EceComponent.MESSAGING_SERVER,
                EceComponent.APPLICATION_SERVER, EceComponent.SERVICES_SERVER), "E:\\ECE", true));
        assertThat(server.scripts().get(0)).contains("$ServiceName = 'Cisco'", "$EceHome = 'E:\\ECE'",
                "$WebServerFile = 'eService\\templates\\finesse\\gadget\\agent\\ece_config.js'");
    }

    @Test
    void aSetupRunIsVerifiedNotRecordedAndMissingTracesFail() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"servicePresent\":true,\"homePresent\":true,\"webServerFilePresent\":false}");
        PowerShellEceOperations ece = operations(new MarkdownPlan(), false);

        Change verified = ece.recordSetupRun(SshFixture.HOST, new SetupRun(EnumSet.of(EceComponent.APPLICATION_SERVER,
                EceComponent.FILE_SERVER), Map.of()));
        assertThat(verified.changed()).isFalse();
        assertThatThrownBy(() -> ece.recordSetupRun(SshFixture.HOST, new SetupRun(EnumSet.of(EceComponent.WEB_SERVER), Map.of())))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("WEB_SERVER").hasMessageContaining("run setup again");
    }

    @Test
    void aConfigFileIsReadBelowTheEceHomeAndAnUnchangedWriteChangesNothing() {
        server.answers = command -> FakeWindowsSshServer.Answer.json(command.script().contains("WriteAllText")
                ? "{\"changed\":false,\"before\":\"same content\",\"after\":\"same content\"}"
                : "{\"exists\":true,\"content\":\"var web_server_name = \\\"ece.massivedynamic.com\\\";\"}");
        PowerShellEceOperations ece = operations(new MarkdownPlan(), false);

        String js = ece.readConfigFile("CC2K125ECEWA", EceConfigFile.ECE_CONFIG_JS);
        Change change = ece.writeConfigFile("CC2K125ECEWA", EceConfigFile.ECE_CONFIG_JS, js);

        assertThat(js).isEqualTo("var web_server_name = \"ece.massivedynamic.com\";");
        assertThat(change).isEqualTo(Change.none("same content"));
        assertThat(server.scripts().get(0)).contains("$Path = 'C:\\ECE\\eService\\templates\\finesse\\gadget\\agent\\ece_config.js'");
        assertThat(server.scripts().get(1)).contains("New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false",
                "[System.IO.File]::ReadAllText($Path, $encoding) -cne $Content");
    }

    @Test
    void thePatchLevelIsNotGuessed() {
        assertThatThrownBy(() -> operations(new MarkdownPlan(), false).readPatchLevel(SshFixture.HOST))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("documents no place").hasMessageContaining("ece.patchLevelFile");
        assertThat(server.received).isEmpty();
    }

    @Test
    void withAPatchLevelFileTheLastEsInItIsTheLevel() throws Exception {
        Path estates = root.resolve("estates");
        java.nio.file.Files.createDirectories(estates);
        java.nio.file.Files.writeString(estates.resolve("massivedynamic.yaml"), java.nio.file.Files.readString(Path.of("estates/massivedynamic.yaml"))
                .replace("  pcce: true\n", "  pcce: true\n  patchLevelFile: 'eService\\patches.txt'\n"));
        Estate withFile = new com.eceops.runbook.estate.EstateRepository(new com.eceops.runbook.estate.EstateProperties(estates,
                Path.of("secrets/none.properties"))).load("massivedynamic");
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"exists\":true,\"content\":\"ECE 12.5 ES3 installed\\r\\nES 5 installed\"}");

        String level = new PowerShellEceOperations(new ScriptContext(sessions, () -> "patch-3", new MarkdownPlan(), false, Duration.ofSeconds(10)),
                withFile, null).readPatchLevel(SshFixture.HOST);

        assertThat(level).isEqualTo("ES5");
        assertThat(server.scripts().get(0)).contains("$Path = 'E:\\ECE\\eService\\patches.txt'");
        assertThat(PowerShellEceOperations.patchLevelIn("no patch yet")).isEqualTo(com.eceops.runbook.technology.ece.EceOperations.BASE_RELEASE);
        assertThat(PowerShellEceOperations.patchLevelIn("essential ES12")).isEqualTo("ES12");
    }

    @Test
    void theLoginPageIsFetchedFromTheRunbookHostThroughTheEceUrl() {
        LoginPage page = operations(new MarkdownPlan(), false).readLoginPage("default");

        assertThat(urls).containsExactly("https://ece.massivedynamic.com/default");
        assertThat(page.showsLogin()).isTrue();
        assertThat(server.received).isEmpty();
    }

    @Test
    void thePatchInstallerRunsDetachedIsNotStartedTwiceAndIsPolledToItsEnd() throws Exception {
        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        server.answers = command -> {
            String script = command.script();
            if (script.contains("Register-ScheduledTask")) {
                return FakeWindowsSshServer.Answer.json("{\"started\":true}");
            }
            if (script.contains("Get-ScheduledTaskInfo")) {
                return FakeWindowsSshServer.Answer.json(polls.incrementAndGet() <= 2 ? "{\"state\":\"running\",\"taskState\":\"Running\"}"
                        : "{\"state\":\"finished\",\"exitCode\":0,\"stdout\":\"ES5 installed\",\"stderr\":\"\"}");
            }
            return FakeWindowsSshServer.Answer.json("{\"unregistered\":true,\"stopped\":false,\"removed\":true}");
        };
        PowerShellEceOperations ece = operations(new MarkdownPlan(), false);
        String command = "\"ECE ES5 Installer.bat\" -silent & echo 'done'";

        Change started = ece.startPatchInstall(SshFixture.HOST, "ES5", "E:\\Patches\\ES5", command);
        Change again = ece.startPatchInstall(SshFixture.HOST, "ES5", "E:\\Patches\\ES5", command);

        assertThat(started.changed()).isTrue();
        assertThat(again.changed()).as("still running: not started twice").isFalse();
        assertThat(server.scripts().stream().filter(script -> script.contains("Register-ScheduledTask"))).hasSize(1);
        assertThat(ece.pollPatchInstall(SshFixture.HOST).state()).isEqualTo(com.eceops.runbook.technology.ece.PatchInstallStatus.State.RUNNING);
        com.eceops.runbook.technology.ece.PatchInstallStatus ended = ece.pollPatchInstall(SshFixture.HOST);
        assertThat(ended.succeeded()).isTrue();
        assertThat(ended.outputTail()).isEqualTo("ES5 installed");
        assertThat(server.scripts()).anySatisfy(script -> assertThat(script).contains("Unregister-ScheduledTask"));
        assertThat(ece.pollPatchInstall("CC2K125ECEWA").state()).isEqualTo(com.eceops.runbook.technology.ece.PatchInstallStatus.State.NOT_STARTED);
        String payload = java.nio.file.Files.walk(root).filter(f -> f.getFileName().toString().equals("payload.ps1"))
                .map(f -> { try { return java.nio.file.Files.readString(f); } catch (java.io.IOException e) { throw new RuntimeException(e); } })
                .findFirst().orElseThrow();
        assertThat(payload).contains("$Command = '\"ECE ES5 Installer.bat\" -silent & echo ''done'''", "$Folder = 'E:\\Patches\\ES5'",
                "& cmd.exe /d /c $batch");
    }

    @Test
    void emailProcessesCannotBeReadAndSayNothingRatherThanGuess() {
        assertThat(operations(new MarkdownPlan(), false).readEmailProcesses()).isEmpty();
        assertThat(server.received).isEmpty();
    }

    @Test
    void planModeRecordsTheWriteAndContactsNoServer() {
        MarkdownPlan plan = new MarkdownPlan();
        PowerShellEceOperations ece = operations(plan, true);

        ece.writeConfigFile("CC2K125ECEWA", EceConfigFile.AGENT_XML, "<gadget>ece.massivedynamic.com</gadget>");
        ece.recordSetupRun(SshFixture.HOST, new SetupRun(EnumSet.of(EceComponent.APPLICATION_SERVER), Map.of()));

        assertThat(server.received).isEmpty();
        assertThat(plan.toMarkdown("plan")).contains("### post-10: write an ECE configuration file",
                "$Content = '<gadget>ece.massivedynamic.com</gadget>'");
    }

    private PowerShellEceOperations operations(ScriptRecorder recorder, boolean plan) {
        return new PowerShellEceOperations(new ScriptContext(sessions, () -> "post-10", recorder, plan, Duration.ofSeconds(10)), SAMPLE, new WebEndpointOperations() {
            @Override
            public ServedCertificate readServedCertificate(String address, int port, String serverName) {
                throw new UnsupportedOperationException();
            }

            @Override
            public HttpAnswer getFrom(String address, String url, Map<String, String> cookies) {
                throw new UnsupportedOperationException();
            }

            @Override
            public HttpAnswer get(String url, Map<String, String> cookies) {
                urls.add(url);
                return new HttpAnswer(url, 200, "<html><title>Enterprise Chat and Email</title><form id=\"login\"><input type=\"password\"></form></html>", Map.of());
            }
        });
    }
}
