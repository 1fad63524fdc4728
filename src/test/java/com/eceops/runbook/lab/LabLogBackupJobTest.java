package com.eceops.runbook.lab;

import static com.eceops.runbook.lab.LabFixtures.A;
import static com.eceops.runbook.lab.LabFixtures.AG;
import static com.eceops.runbook.lab.LabFixtures.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.technology.sql.AgentJob;
import com.eceops.runbook.technology.sql.BackupPlan;
import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * post-9's log backup job in the lab, as the rollback meets it: while it runs, a database taken out of the group and
 * seeded again cannot join (the primary's log chain moved past the secondary's copy); with the job disabled on both
 * replicas for the re-seed it joins.
 */
class LabLogBackupJobTest {

    private static final String DB = "eGActiveDB";
    private static final String BACKUPS = "F:\\MSSQL\\Backups\\";

    @TempDir
    Path dataDir;

    final ManualClock clock = new ManualClock(LabFixtures.START);
    RehearsalLab lab;

    @BeforeEach
    void installedWithThePost9Jobs() {
        lab = LabFixtures.lab(dataDir, clock, LabFixtures.instant());
        new LabProcedure(lab).all();
        for (String host : List.of(A, B)) {
            for (AgentJob job : BackupPlan.jobs(List.of("eGActiveDB", "eGMasterDB", "eGReportsDB"), BACKUPS)) {
                lab.sql().ensureAgentJob(host, job);
            }
        }
    }

    @Test
    void aReseedWhileTheLogBackupJobRunsCannotJoin() {
        takeOutAndSeedAgain();

        assertThatThrownBy(() -> lab.sql().joinDatabaseToAvailabilityGroup(B, AG, DB))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("Msg 1478")
                .hasMessageContaining("'" + BackupPlan.LOG_JOB + "' on " + A);
    }

    @Test
    void withTheJobDisabledOnBothReplicasTheReseedJoinsAndTheJobRunsAgainAfterwards() {
        for (String host : List.of(A, B)) {
            assertThat(lab.sql().setAgentJobEnabled(host, BackupPlan.LOG_JOB, false).changed()).isTrue();
            assertThat(lab.sql().readAgentJobEnabled(host, BackupPlan.LOG_JOB)).contains(false);
        }
        assertThat(lab.sql().setAgentJobEnabled(A, BackupPlan.LOG_JOB, false).changed()).as("already so").isFalse();
        takeOutAndSeedAgain();

        assertThat(lab.sql().joinDatabaseToAvailabilityGroup(B, AG, DB).changed()).isTrue();
        for (String host : List.of(A, B)) {
            lab.sql().setAgentJobEnabled(host, BackupPlan.LOG_JOB, true);
            assertThat(lab.sql().readAgentJobEnabled(host, BackupPlan.LOG_JOB)).contains(true);
        }
    }

    @Test
    void aJobThatIsNotThereCannotBeSwitchedAndReadsEmpty() {
        assertThat(lab.sql().readAgentJobEnabled(A, "no such job")).isEmpty();
        assertThatThrownBy(() -> lab.sql().setAgentJobEnabled(A, "no such job", false))
                .isInstanceOf(LabRuleViolation.class).hasMessageContaining("Msg 14262");
    }

    private void takeOutAndSeedAgain() {
        var sql = lab.sql();
        sql.removeDatabaseFromAvailabilityGroup(A, AG, DB);
        sql.backupDatabase(A, DB, BACKUPS + DB + "_reseed.bak", true);
        sql.backupLog(A, DB, BACKUPS + DB + "_reseed.trn");
        lab.windows().copyFile(A, BACKUPS + DB + "_reseed.bak", B, BACKUPS + DB + "_reseed.bak");
        lab.windows().copyFile(A, BACKUPS + DB + "_reseed.trn", B, BACKUPS + DB + "_reseed.trn");
        sql.restoreDatabase(B, DB, BACKUPS + DB + "_reseed.bak", Recovery.NORECOVERY);
        sql.restoreLog(B, DB, BACKUPS + DB + "_reseed.trn", Recovery.NORECOVERY);
        sql.addDatabaseToAvailabilityGroup(A, AG, DB);
    }
}
