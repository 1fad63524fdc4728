package com.eceops.runbook.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleEstateTest {

    @TempDir
    Path dir;

    @Test
    void theSampleHasNoProblems() {
        assertThat(Inventories.problemsOf(dir, Inventories.massiveDynamic())).isEmpty();
    }
}
