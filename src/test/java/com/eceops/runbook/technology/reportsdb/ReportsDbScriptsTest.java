package com.eceops.runbook.technology.reportsdb;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.NetworkReach;
import com.eceops.runbook.technology.powershell.OverthereConnector;
import com.eceops.runbook.technology.powershell.PowerShellScript;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.RemoteTarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Secret;
import com.eceops.runbook.technology.reportsdb.ReportsDbPropertiesText;
import com.eceops.runbook.technology.reportsdb.UtilityRun;

/** post-7's PowerShell: secrets only in the text sent, never in what is shown or planned; plan mode resolves nothing. */
class ReportsDbScriptsTest {

    private static final String HOST = "CC2K125ECEAA";
    private static final String DIRECTORY = "E:\\ReportsDB Utility (SQL Server Always ON)";

    @Test
    void theSecretsAreEscapedInTheTextSentAndMaskedInTheTextShown() {
        String content = ReportsDbPropertiesText.withValues("SSIS_USER_PASSWORD=\r\nSSIS_CATALOG_PASSWORD=\r\n",
                Map.of("SSIS_USER_ID", "MASSIVE\\SqlServerSvc"));
        PowerShellScript script = ReportsDbScripts.writeProperties(DIRECTORY + "\\reportsdb_utility.properties", content,
                List.of("SSIS_USER_PASSWORD", "SSIS_CATALOG_PASSWORD"),
                List.of(new Secret(ReportsDbPropertiesText.escapeValue("Pa\\55'word").toCharArray()), new Secret("Catalog-Secret".toCharArray())));
        assertThat(script.text()).contains("$SecretValues = @('Pa\\\\55''word', 'Catalog-Secret')")
                .contains("SSIS_USER_ID=MASSIVE\\\\SqlServerSvc");
        assertThat(script.shown()).contains("$SecretValues = @('******', '******')").doesNotContain("Pa\\\\55")
                .doesNotContain("Catalog-Secret");
        assertThat(script.reach()).isEqualTo(NetworkReach.LOCAL_ONLY);
    }

    @Test
    void onlyACopyFromAUncPathReachesASecondMachine() {
        assertThat(ReportsDbScripts.copyDirectory("\\\\massivedynamic.com\\ECE_Root\\Media\\ECE_12.5\\Utilities\\x", DIRECTORY)
                .reach()).isEqualTo(NetworkReach.SECOND_MACHINE);
        assertThat(ReportsDbScripts.copyDirectory("E:\\Patches\\ES1\\Utilities\\x", DIRECTORY).reach())
                .isEqualTo(NetworkReach.LOCAL_ONLY);
    }

    @Test
    void planModeRecordsEveryChangeWithoutResolvingASecretOrConnecting() {
        List<String> recorded = new ArrayList<>();
        List<CredentialRef> resolved = new ArrayList<>();
        OverthereConnector connector = new OverthereConnector(ref -> {
            resolved.add(ref);
            return new Secret("never-used".toCharArray());
        }, Duration.ofSeconds(1));
        Connection connection = new Connection(Connection.Protocol.WINRM_HTTPS, 5986, "ECEInstaller@MASSIVEDYNAMIC.COM",
                new CredentialRef("cluster-admin"), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.of(Connection.DoubleHop.SCHEDULED_TASK));
        try (RemoteSessions sessions = new RemoteSessions(connector, List.of(new RemoteTarget(HOST, "127.0.0.1", connection)),
                1, Duration.ofMinutes(1))) {
            var utility = new PowerShellReportsDbUtility(new ScriptContext(sessions, () -> "post-7", (host, step, operation, script) -> recorded.add(host + " " + step + " " + operation + "\n" + script), true, Duration.ofSeconds(5)));
            utility.copyDirectory(HOST, "\\\\massivedynamic.com\\ECE_Root\\Media\\ECE_12.5\\Utilities\\x", DIRECTORY);
            utility.writeProperties(HOST, DIRECTORY + "\\reportsdb_utility.properties", "SSIS_USER_PASSWORD=\r\n",
                    Map.of("SSIS_USER_PASSWORD", new CredentialRef("sql-service")));
            UtilityRun run = utility.startCreateDbObjects(HOST, DIRECTORY);
            assertThat(run.handle()).contains("\"planned\":true");
        }
        assertThat(resolved).isEmpty();
        assertThat(recorded).hasSize(4);
        assertThat(recorded.get(0)).contains("copy directory (scheduled task as ECEInstaller@MASSIVEDYNAMIC.COM, password ******)");
        assertThat(recorded.get(1)).contains("write properties file", "$SecretValues = @('******')");
        assertThat(recorded.get(2)).contains("run reportsdb_utility.bat createDBObjects (detached, scheduled task as"
                + " ECEInstaller@MASSIVEDYNAMIC.COM", "& cmd.exe /d /c 'reportsdb_utility.bat createDBObjects'");
        assertThat(recorded.get(3)).contains("Register-ScheduledTask");
    }
}
