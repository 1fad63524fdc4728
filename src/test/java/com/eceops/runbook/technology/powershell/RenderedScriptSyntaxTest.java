package com.eceops.runbook.technology.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every script the project renders parses as PowerShell, for the sample estate and for hostile values. */
class RenderedScriptSyntaxTest {

    @TempDir
    Path folder;

    @Test
    void everyRenderedScriptParsesWithTreeSitterPowerShell() throws Exception {
        List<PowerShellScript> scripts = new ArrayList<>(ScriptCatalog.all(ScriptValues.of(ScriptValues.sampleEstate())));
        for (int i = 0; i < ScriptValues.HOSTILE.size(); i++) {
            scripts.addAll(ScriptCatalog.all(ScriptValues.hostile(i)));
        }
        for (int i = 0; i < scripts.size(); i++) {
            Files.writeString(folder.resolve(String.format("%04d-%s.ps1", i, scripts.get(i).operation().replace(' ', '-'))),
                    scripts.get(i).text(), StandardCharsets.UTF_8);
        }

        TreeSitterPowerShell.Result result = TreeSitterPowerShell.check(folder);

        assertThat(result.output()).contains("parsed " + scripts.size() + ", broken 0");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void theCheckerFindsABrokenScript() throws Exception {
        Files.writeString(folder.resolve("broken.ps1"), "$a = 'unterminated\nGet-Item -LiteralPath $a\n");
        Files.writeString(folder.resolve("unbalanced.ps1"), "if ($true) { Get-Service \n");

        TreeSitterPowerShell.Result result = TreeSitterPowerShell.check(folder);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("broken 2");
    }
}
