package com.eceops.runbook.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estate a run keeps at its start comes back whole, and holds references to secrets, not secrets. */
class EstateSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void theSampleEstateComesBackEqualFromItsSnapshot() {
        Estate estate = Inventories.repositoryWith(dir, "massivedynamic", Inventories.massiveDynamic()).load("massivedynamic");

        String snapshot = EstateSnapshot.of(estate);

        assertThat(EstateSnapshot.read(snapshot)).isEqualTo(estate);
        assertThat(snapshot).contains("\"cluster-admin\"").doesNotContainIgnoringCase("password\":\"");
    }

    @Test
    void aDamagedSnapshotIsRefusedWithAMessage() {
        assertThatThrownBy(() -> EstateSnapshot.read("{\"name\": [1, 2"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("cannot read a kept estate");
    }
}
