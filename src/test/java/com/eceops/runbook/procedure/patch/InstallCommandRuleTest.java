package com.eceops.runbook.procedure.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InstallCommandRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"setup.bat -silent", "setup.exe /quiet /norestart", "installer\\setup.bat -mode unattended",
            "java -jar ES5Installer.jar -silent"})
    void aCommandInsideThePatchFolderIsAccepted(String command) {
        assertThat(InstallCommandRule.problem(command)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup.bat | tee log.txt", "setup.bat; del /q *", "setup.bat & shutdown /r", "setup.bat && x",
            "setup.bat > out.txt", "setup.bat $(whoami)"})
    void chainingOrRedirectionIsRefused(String command) {
        assertThat(InstallCommandRule.problem(command)).contains("one command only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:\\Windows\\System32\\cmd.exe /c setup.bat", "setup.bat -log D:\\logs\\es5.log",
            "\\\\fileserver\\share\\setup.bat", "..\\other\\setup.bat", "setup.bat -dir=C:/temp", "setup.bat -src \"E:\\Patches\\ES5\""})
    void pathsOutsideThePatchFolderAreRefused(String command) {
        assertThat(InstallCommandRule.problem(command)).contains("unzipped patch folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup.bat password=Secret1", "setup.bat -Password Secret1", "setup.bat /p:Secret1",
            "setup.bat PWD: x", "setup.bat -Credential admin", "setup.bat -p Secret1"})
    void anythingThatLooksLikeACredentialIsRefused(String command) {
        assertThat(InstallCommandRule.problem(command)).contains("credential");
    }

    @Test
    void aCommandOnMoreThanOneLineIsRefused() {
        assertThat(InstallCommandRule.problem("setup.bat\r\nrestart")).contains("one line");
    }

    @Test
    void theApproverSeesThePatchLevelAndTheCommand() throws Exception {
        String form = Files.readString(Path.of("forms/ApprovePatchWindow.form"));
        assertThat(form).contains("{{patchLevel}}").contains("{{patchInstallCommand}}");
    }
}
