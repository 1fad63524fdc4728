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

    /** A run's snapshot kept before ece.httpsPort existed: its site is on the document's port, not on port 0. */
    @Test
    void aSnapshotFromBeforeTheSitesPortHasTheDocumentsPort() {
        Estate estate = Inventories.repositoryWith(dir, "massivedynamic", Inventories.massiveDynamic()).load("massivedynamic");
        String snapshot = EstateSnapshot.of(estate);
        assertThat(snapshot).contains("\"httpsPort\":443");

        Estate older = EstateSnapshot.read(snapshot.replace(",\"httpsPort\":443", "").replace("\"httpsPort\":443,", ""));

        assertThat(older.ece().httpsPort()).isEqualTo(443);
        assertThat(older.ece().siteUrl()).isEqualTo("https://ece.massivedynamic.com");
        assertThat(older).isEqualTo(estate);
    }

    @Test
    void aDamagedSnapshotIsRefusedWithAMessage() {
        assertThatThrownBy(() -> EstateSnapshot.read("{\"name\": [1, 2"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("cannot read a kept estate");
    }
}
