package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.AG;
import static com.eceops.runbook.lab.LabFixtures.B;
import static com.eceops.runbook.lab.LabProcedure.BACKUPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.technology.sql.BackupSetFacts;
import com.eceops.runbook.technology.sql.DetachedJobs;
import com.eceops.runbook.technology.sql.DetachedRun;
import com.eceops.runbook.technology.sql.PrePatchRestore;
import com.eceops.runbook.technology.sql.RestoreFacts;
import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;
import java.nio.file.Path;
import java.time.Duration;
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

    /** Starts the detached backup and lets the Agent finish it (instant durations: at the next look). */
    static void backUp(RehearsalLab lab, String host) {
        lab.sql().startBackupBeforePatch(host, DB, PRE_PATCH);
        lab.sql().readDetachedRun(host, DetachedJobs.backupBeforePatch(DB, PRE_PATCH), PRE_PATCH);
    }

    static PrePatchRestore recorded(RehearsalLab lab, String path) {
        BackupSetFacts set = lab.sql().readBackupSet(A, DB, PRE_PATCH).orElseThrow();
        return new PrePatchRestore(DB, path, set.position(), set.firstLsn(), set.lastLsn(), A);
    }

    @Test
    void theListenersNameReachesThePrimaryAndTheBackupLandsOnItsDisk() {
        RehearsalLab lab = joined(LabFixtures.instant());

        assertThat(lab.sql().readAvailabilityGroup(AG, AG).primary()).isEqualTo(A);
        backUp(lab, AG);

        assertThat(lab.windows().fileExists(A, PRE_PATCH)).isTrue();
        assertThat(lab.sql().readBackupSet(A, DB, PRE_PATCH)).hasValueSatisfying(set -> {
            assertThat(set.server()).isEqualTo(A);
            assertThat(set.position()).isEqualTo(1);
            assertThat(set.finishedAt()).isEqualTo(LabFixtures.START);
        });
        assertThat(lab.sql().verifyBackup(A, PRE_PATCH, 1).valid()).isTrue();
        assertThat(lab.sql().verifyBackup(A, PRE_PATCH, 2).valid()).isFalse();
        assertThat(lab.sql().readDetachedRun(A, DetachedJobs.backupBeforePatch(DB, PRE_PATCH), PRE_PATCH).state())
                .isEqualTo(DetachedRun.State.ABSENT);
    }

    @Test
    void theBackupRunsDetachedForItsDurationAndIsRefusedOnTheSecondary() {
        LabScenario twentyMinutes = LabScenario.fromYaml("durationScale: 0\ndurations: { prePatchBackup: PT20M }\n");
        RehearsalLab lab = joined(new LabScenario(0, twentyMinutes.clockSpeed(), twentyMinutes.hosts(),
                LabScenario.defaults().featuresNeedingRestart(), List.of(), twentyMinutes.durations(), null));
        String job = DetachedJobs.backupBeforePatch(DB, PRE_PATCH);

        assertThatThrownBy(() -> lab.sql().startBackupBeforePatch(B, DB, PRE_PATCH))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("not the PRIMARY replica");
        assertThat(lab.sql().startBackupBeforePatch(A, DB, PRE_PATCH).changed()).isTrue();
        assertThat(lab.sql().startBackupBeforePatch(A, DB, PRE_PATCH).changed()).isFalse();
        clock.advance(Duration.ofMinutes(5));
        DetachedRun running = lab.sql().readDetachedRun(A, job, PRE_PATCH);
        assertThat(running.running()).isTrue();
        assertThat(running.percentComplete()).isEqualTo(25);
        assertThat(lab.windows().fileExists(A, PRE_PATCH)).isFalse();

        clock.advance(Duration.ofMinutes(15));
        assertThat(lab.sql().readDetachedRun(A, job, PRE_PATCH).state()).isEqualTo(DetachedRun.State.ABSENT);
        assertThat(lab.sql().readBackupSet(A, DB, PRE_PATCH)).isPresent();
    }

    @Test
    void theRollbackRestorePutsTheSessionsOutBringsBackThePrePatchSchemaAndIsReadBackByItsLsns() {
        RehearsalLab lab = joined(LabFixtures.instant());
        backUp(lab, A);
        lab.handwork().upgradeEceDatabases("ES5");
        assertThat(lab.databaseSchemaVersion(B, DB)).contains("ES5");
        lab.sql().removeDatabaseFromAvailabilityGroup(A, AG, DB);
        PrePatchRestore restore = recorded(lab, PRE_PATCH);

        assertThat(lab.sql().startRestoreBeforePatch(A, restore).changed()).isTrue();
        assertThat(lab.sql().readDetachedRun(A, DetachedJobs.restoreBeforePatch(DB, PRE_PATCH), PRE_PATCH).state())
                .isEqualTo(DetachedRun.State.ABSENT);

        assertThat(lab.databaseSchemaVersion(A, DB)).contains("base");
        RestoreFacts last = lab.sql().lastRestore(A, DB).orElseThrow();
        assertThat(last.path()).isEqualTo(PRE_PATCH);
        assertThat(last.restored(restore.firstLsn(), restore.lastLsn())).isTrue();
        assertThat(lab.ledger()).anyMatch(e -> e.what().equals("database " + DB) && e.after().startsWith("ONLINE, MULTI_USER"));
        assertThat(lab.sql().readDatabases(A)).filteredOn(d -> d.name().equals(DB))
                .singleElement().satisfies(d -> assertThat(d.state()).isEqualTo("ONLINE"));
    }

    @Test
    void aRestoreJobThatCannotGetExclusiveUseFailsWith3101AndKeepsItsMessage() {
        RehearsalLab lab = joined(LabFixtures.instant().withFaults(List.of(LabScenario.Fault.failing("restoreJob", null, 1, null))));
        backUp(lab, A);
        lab.sql().removeDatabaseFromAvailabilityGroup(A, AG, DB);
        PrePatchRestore restore = recorded(lab, PRE_PATCH);
        String job = DetachedJobs.restoreBeforePatch(DB, PRE_PATCH);

        lab.sql().startRestoreBeforePatch(A, restore);
        DetachedRun failed = lab.sql().readDetachedRun(A, job, PRE_PATCH);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.message()).contains("Msg 3101").contains("Exclusive access could not be obtained");
        assertThat(lab.sql().lastRestore(A, DB)).isEmpty();

        // Started again, the failed job is replaced and this time the restore goes through.
        assertThat(lab.sql().startRestoreBeforePatch(A, restore).changed()).isTrue();
        assertThat(lab.sql().readDetachedRun(A, job, PRE_PATCH).state()).isEqualTo(DetachedRun.State.ABSENT);
        assertThat(lab.sql().lastRestore(A, DB)).isPresent();
    }

    @Test
    void aFileSwappedForAnotherBackupOfTheDatabaseIsRefusedByItsHeader() {
        RehearsalLab lab = joined(LabFixtures.instant());
        backUp(lab, A);
        PrePatchRestore restore = recorded(lab, PRE_PATCH);
        // A DBA puts a newer backup of the same database in its place.
        lab.sql().backupDatabase(A, DB, BACKUPS + DB + "_Other.bak", false);
        lab.windows().copyFile(A, BACKUPS + DB + "_Other.bak", A, PRE_PATCH);
        lab.sql().removeDatabaseFromAvailabilityGroup(A, AG, DB);

        assertThat(lab.sql().verifyBackup(A, PRE_PATCH, 1).valid()).isTrue();
        assertThat(restore.mismatchWith(lab.sql().readBackupHeader(A, PRE_PATCH, 1))).hasValueSatisfying(reason ->
                assertThat(reason).contains("differ from the recorded"));
        assertThatThrownBy(() -> lab.sql().startRestoreBeforePatch(A, restore))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("is not the recorded pre-patch backup");
    }

    @Test
    void theRollbackRestoreIsRefusedWhileTheDatabaseIsJoined() {
        RehearsalLab lab = joined(LabFixtures.instant());
        backUp(lab, A);

        assertThatThrownBy(() -> lab.sql().startRestoreBeforePatch(A, recorded(lab, PRE_PATCH)))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("joined to an availability group");
    }

    @Test
    void theRollbackRestoreIsRefusedOnTheSecondary() {
        RehearsalLab lab = joined(LabFixtures.instant());
        backUp(lab, A);
        lab.sql().removeDatabaseFromAvailabilityGroup(A, AG, DB);

        assertThatThrownBy(() -> lab.sql().startRestoreBeforePatch(B, recorded(lab, "\\\\" + A + "\\F$\\MSSQL\\Backups\\"
                + DB + "_PrePatch_20261107-210000.bak")))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("SECONDARY replica");
    }

    @Test
    void aDamagedBackupFailsVerificationAndIsNeverRestored() {
        RehearsalLab lab = joined(LabFixtures.instant().withCorruptBackups(DB + "_PrePatch_*", 1));
        backUp(lab, A);
        lab.sql().removeDatabaseFromAvailabilityGroup(A, AG, DB);

        assertThat(lab.sql().verifyBackup(A, PRE_PATCH, 1).valid()).isFalse();
        assertThatThrownBy(() -> lab.sql().startRestoreBeforePatch(A, recorded(lab, PRE_PATCH)))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("fails RESTORE VERIFYONLY");

        // Written again (INIT over the same file), the backup is sound: the scenario damaged only the first.
        backUp(lab, A);
        assertThat(lab.sql().verifyBackup(A, PRE_PATCH, 1).valid()).isTrue();
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
        backUp(lab, A);
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
