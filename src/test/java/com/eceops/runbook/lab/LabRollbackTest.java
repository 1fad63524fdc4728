package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.AG;
import static com.eceops.runbook.lab.LabFixtures.B;
import static com.eceops.runbook.lab.LabProcedure.BACKUPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.sql.SqlServerOperations.Recovery;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-patch backup and the rollback restore in the lab: schema versions, damaged backups and the guards' traps. */
class LabRollbackTest {

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);

    static final String DB = "eGActiveDB";
    static final String PRE_PATCH = BACKUPS + DB + "_PrePatch_20261107-210000.bak";

    RehearsalLab joined(LabScenario scenario) {
        RehearsalLab lab = LabFixtures.lab(dataDir, clock, scenario);
        new LabProcedure(lab).all();
        return lab;
    }

    @Test
    void theListenersNameReachesThePrimaryAndTheBackupLandsOnItsDisk() {
        RehearsalLab lab = joined(LabFixtures.instant());

        assertThat(lab.sql().readAvailabilityGroup(AG, AG).primary()).isEqualTo(A);
        lab.sql().backupDatabaseBeforePatch(AG, DB, PRE_PATCH);

        assertThat(lab.windows().fileExists(A, PRE_PATCH)).isTrue();
        assertThat(lab.sql().readBackupSet(A, DB, PRE_PATCH)).hasValueSatisfying(set -> {
            assertThat(set.server()).isEqualTo(A);
            assertThat(set.position()).isEqualTo(1);
            assertThat(set.finishedAt()).isEqualTo(LabFixtures.START);
        });
        assertThat(lab.sql().verifyBackup(A, PRE_PATCH).valid()).isTrue();
    }

    @Test
    void theRollbackRestoreBringsBackThePrePatchSchemaAndAgainChangesNothing() {
        RehearsalLab lab = joined(LabFixtures.instant());
        lab.sql().backupDatabaseBeforePatch(A, DB, PRE_PATCH);
        lab.handwork().upgradeEceDatabases("ES5");
        assertThat(lab.databaseSchemaVersion(B, DB)).contains("ES5");
        lab.sql().removeDatabaseFromAvailabilityGroup(A, AG, DB);

        assertThat(lab.sql().restoreDatabaseBeforePatch(A, DB, PRE_PATCH, 1, A).changed()).isTrue();
        int ledger = lab.ledger().size();
        assertThat(lab.sql().restoreDatabaseBeforePatch(A, DB, PRE_PATCH, 1, A).changed()).isFalse();

        assertThat(lab.ledger()).hasSize(ledger);
        assertThat(lab.databaseSchemaVersion(A, DB)).contains("base");
        assertThat(lab.sql().lastRestoreFrom(A, DB, PRE_PATCH)).isPresent();
        assertThat(lab.sql().readDatabases(A)).filteredOn(d -> d.name().equals(DB))
                .singleElement().satisfies(d -> assertThat(d.state()).isEqualTo("ONLINE"));
    }

    @Test
    void theRollbackRestoreIsRefusedWhileTheDatabaseIsJoined() {
        RehearsalLab lab = joined(LabFixtures.instant());
        lab.sql().backupDatabaseBeforePatch(A, DB, PRE_PATCH);

        assertThatThrownBy(() -> lab.sql().restoreDatabaseBeforePatch(A, DB, PRE_PATCH, 1, A))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("joined to an availability group");
    }

    @Test
    void theRollbackRestoreIsRefusedOnTheSecondary() {
        RehearsalLab lab = joined(LabFixtures.instant());
        lab.sql().backupDatabaseBeforePatch(A, DB, PRE_PATCH);
        lab.sql().removeDatabaseFromAvailabilityGroup(A, AG, DB);

        assertThatThrownBy(() -> lab.sql().restoreDatabaseBeforePatch(B, DB, "\\\\" + A + "\\F$\\MSSQL\\Backups\\"
                + DB + "_PrePatch_20261107-210000.bak", 1, A))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("SECONDARY replica");
    }

    @Test
    void aDamagedBackupFailsVerificationAndIsNeverRestored() {
        RehearsalLab lab = joined(LabFixtures.instant().withCorruptBackups(DB + "_PrePatch_*", 1));
        lab.sql().backupDatabaseBeforePatch(A, DB, PRE_PATCH);
        lab.sql().removeDatabaseFromAvailabilityGroup(A, AG, DB);

        assertThat(lab.sql().verifyBackup(A, PRE_PATCH).valid()).isFalse();
        assertThatThrownBy(() -> lab.sql().restoreDatabaseBeforePatch(A, DB, PRE_PATCH, 1, A))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("fails RESTORE VERIFYONLY");

        // Written again (INIT over the same file), the backup is sound: the scenario damaged only the first.
        lab.sql().backupDatabaseBeforePatch(A, DB, PRE_PATCH);
        assertThat(lab.sql().verifyBackup(A, PRE_PATCH).valid()).isTrue();
    }

    @Test
    void aStaleCopyIsReplacedOnTheSecondaryOnlyAndSetHadrOffIsRefusedOnThePrimary() {
        RehearsalLab lab = joined(LabFixtures.instant());
        lab.sql().backupDatabase(A, DB, BACKUPS + DB + "_Reseed.bak", true);
        lab.windows().copyFile(A, BACKUPS + DB + "_Reseed.bak", B, BACKUPS + DB + "_Reseed.bak");

        assertThatThrownBy(() -> lab.sql().replaceSecondaryCopy(B, DB, BACKUPS + DB + "_Reseed.bak"))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("still joined");
        assertThatThrownBy(() -> lab.sql().leaveAvailabilityGroup(A, DB))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("REMOVE DATABASE there");

        lab.sql().leaveAvailabilityGroup(B, DB);
        assertThat(lab.sql().leaveAvailabilityGroup(B, DB).changed()).isFalse();
        assertThatThrownBy(() -> lab.sql().replaceSecondaryCopy(A, DB, BACKUPS + DB + "_Reseed.bak"))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("secondary only");
        assertThat(lab.sql().replaceSecondaryCopy(B, DB, BACKUPS + DB + "_Reseed.bak").changed()).isTrue();
        assertThat(lab.sql().replaceSecondaryCopy(B, DB, BACKUPS + DB + "_Reseed.bak").changed()).isFalse();
    }

    @Test
    void aPlainRestoreOverAnOnlineDatabaseIsRefusedWithoutReplace() {
        RehearsalLab lab = joined(LabFixtures.instant());
        lab.sql().backupDatabaseBeforePatch(A, DB, PRE_PATCH);
        lab.sql().removeDatabaseFromAvailabilityGroup(A, AG, DB);

        assertThatThrownBy(() -> lab.sql().restoreDatabase(A, DB, PRE_PATCH, Recovery.RECOVERY))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("without WITH REPLACE");
    }

    @Test
    void theScenarioNamesDamagedBackupsByFileName() {
        LabScenario scenario = LabScenario.fromYaml("corruptBackups: { \"eGMasterDB_PrePatch_*\": 2 }\n");
        assertThat(scenario.corruptBackups()).containsEntry("eGMasterDB_PrePatch_*", 2);
        assertThatThrownBy(() -> LabScenario.fromYaml("corruptBackups: { \"x\": 0 }\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count of 1 or more");
        assertThat(List.copyOf(LabScenario.defaults().corruptBackups().keySet())).isEmpty();
    }
}
