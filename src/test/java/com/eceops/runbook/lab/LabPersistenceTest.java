package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.AG;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabPersistenceTest {

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);

    @Test
    void aNewRehearsalLabsOnTheSameDirectoryFindsTheSameStateAndLedger() {
        RehearsalLab lab = LabFixtures.labs(dataDir, clock).open("run-7", LabFixtures.massiveDynamic(), LabFixtures.instant());
        new LabProcedure(lab).all();
        List<LedgerEntry> ledger = lab.ledger();

        RehearsalLab reloaded = LabFixtures.labs(dataDir, clock).find("run-7").orElseThrow();

        assertThat(reloaded.ledger()).isEqualTo(ledger);
        assertThat(reloaded.sql().readAvailabilityGroup(A, AG).healthy()).isTrue();
        assertThat(reloaded.estate()).isEqualTo(LabFixtures.massiveDynamic());
        new LabProcedure(reloaded).all();
        assertThat(reloaded.ledger()).hasSize(ledger.size());
    }

    @Test
    void openingAnExistingRunLoadsItInsteadOfStartingOver() {
        RehearsalLab lab = LabFixtures.labs(dataDir, clock).open("run-8", LabFixtures.massiveDynamic(), LabFixtures.instant());
        lab.windows().ensureDirectory(A, "E:\\ECEFile");

        RehearsalLab again = LabFixtures.labs(dataDir, clock).open("run-8", LabFixtures.massiveDynamic(), LabScenario.defaults());

        assertThat(again.ledger()).hasSize(1);
        assertThat(again.scenario().durationScale()).isZero();
    }

    @Test
    void anUnknownRunIsNotFound() {
        assertThat(LabFixtures.labs(dataDir, clock).find("nothing-here")).isEmpty();
    }

    @Test
    void parallelBranchesOnTheSameLabDoNotLoseChanges() throws Exception {
        RehearsalLab lab = LabFixtures.labs(dataDir, clock).open("run-9", LabFixtures.massiveDynamic(), LabFixtures.instant());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String dir = "E:\\dir" + i;
                String host = i % 2 == 0 ? A : LabFixtures.B;
                futures.add(pool.submit(() -> lab.windows().ensureDirectory(host, dir)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(LabFixtures.labs(dataDir, clock).find("run-9").orElseThrow().ledger()).hasSize(20);
    }
}
