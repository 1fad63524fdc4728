package com.eceops.runbook.technology.reportsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** post-7's JAVA_HOME line: the document's form for a plain path, cmd.exe-safe quoting for anything else. */
class BatchFileTextTest {

    private static final String BAT = "@echo off\r\nSET JAVA_HOME=<JAVA_HOME>\r\n\"%JAVA_HOME%\\bin\\java\" -cp lib %1\r\n";

    @Test
    void aPlainPathReplacesThePlaceholderAsTheDocumentShows() {
        String edited = BatchFileText.withJavaHome(BAT, "E:\\ECEFile\\env\\jdk");
        assertThat(edited).isEqualTo("@echo off\r\nSET JAVA_HOME=E:\\ECEFile\\env\\jdk\r\n\"%JAVA_HOME%\\bin\\java\" -cp lib %1\r\n");
        assertThat(BatchFileText.javaHome(edited)).contains("E:\\ECEFile\\env\\jdk");
        assertThat(BatchFileText.withJavaHome(edited, "E:\\ECEFile\\env\\jdk")).isEqualTo(edited);
    }

    @Test
    void cmdMetacharactersAreQuotedAndPercentSignsDoubled() {
        String hostile = "E:\\A&calc (x86)^%PATH%|more\\env\\jdk";
        String edited = BatchFileText.withJavaHome(BAT, hostile);
        assertThat(edited).contains("SET \"JAVA_HOME=E:\\A&calc (x86)^%%PATH%%|more\\env\\jdk\"\r\n");
        assertThat(BatchFileText.javaHome(edited)).contains(hostile);
    }

    @Test
    void aValueThatWouldBreakTheLineOrAFileWithoutTheLineIsRefused() {
        assertThatThrownBy(() -> BatchFileText.withJavaHome(BAT, "E:\\jdk\"\r\ndel *")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchFileText.withJavaHome("@echo off\r\n", "E:\\jdk"))
                .hasMessageContaining("no SET JAVA_HOME= line");
        assertThat(BatchFileText.javaHome("@echo off\r\n")).isEmpty();
    }
}
