package com.eceops.runbook.technology.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireStatementTest {

    private static final String ODD = "eG]Active'DB";
    private static final String PATH = "F:\\MSSQL\\Back'ups\\eG]Active'DB.bak";

    private static WireStatement read(String sql) {
        return WireStatement.recognise(sql, List.of(), Map.of()).orElseThrow(() -> new AssertionError("not recognised:\n" + sql));
    }

    @Test
    void aScriptIsReadBackIntoItsOperationAndItsValuesWithTheQuotingThatWroteThem() {
        WireStatement restore = read(DatabaseStatements.restoreDatabase(ODD, PATH, Recovery.NORECOVERY));
        assertThat(restore.operation()).isEqualTo(WireStatement.RESTORE_DATABASE);
        assertThat(restore.values()).containsExactly(ODD, PATH);
        assertThat(restore.variant()).isEqualTo(Recovery.NORECOVERY);

        WireStatement seeding = read(DatabaseStatements.createSeedingDatabase("AGTemp", "F:\\MSSQL\\Data"));
        assertThat(seeding.values()).containsExactly("AGTemp", "F:\\MSSQL\\Data");

        WireStatement endpoint = read(AvailabilityGroupStatements.createEndpoint(5022));
        assertThat(endpoint.number(0)).isEqualTo(5022);

        WireStatement backup = read(DatabaseStatements.backupDatabase(ODD, PATH,
                new DatabaseStatements.BackupOptions(ODD + "-Full Database Backup", false, 25)));
        assertThat(backup.operation()).isEqualTo(WireStatement.BACKUP_DATABASE);
        assertThat(backup.variant()).isEqualTo(false);
    }

    @Test
    void aDetachedJobCarriesItsStepWhichIsRecognisedInTurn() {
        String step = DatabaseStatements.restoreBeforePatch(ODD, PATH, 2);
        WireStatement job = read(DetachedStatements.startJob(DetachedJobs.restoreBeforePatch(ODD, PATH), "rollback", step, true));
        assertThat(job.operation()).isEqualTo(WireStatement.START_JOB);
        assertThat(job.variant()).isEqualTo(true);
        assertThat(job.jobStep().operation()).isEqualTo(WireStatement.RESTORE_BEFORE_PATCH);
        assertThat(job.jobStep().values()).containsExactly(ODD, PATH, 2);
    }

    @Test
    void aReadIsOneOfTheProjectsQueriesAsTheDriverSendsIt() {
        WireStatement read = WireStatement.recognise(WireStatement.asSent(DmvQueries.BACKUPS_AT_PATH), List.of(PATH, ODD, "D"),
                Map.of()).orElseThrow();
        assertThat(read.operation()).isEqualTo("BACKUPS_AT_PATH");
        assertThat(read.isRead()).isTrue();
        assertThat(read.values()).containsExactly(PATH, ODD, "D");
        assertThat(WireStatement.asSent(DmvQueries.BACKUPS_AT_PATH)).contains("f.physical_device_name = @P0").contains("b.type = @P2");
    }

    @Test
    void aStatementNoRendererWroteIsNotRecognised() {
        assertThat(WireStatement.recognise("DROP DATABASE [eGActiveDB];", List.of(), Map.of())).isEmpty();
        // A value whose quoting was tampered with is not a value the renderer wrote.
        assertThat(WireStatement.recognise("ALTER AVAILABILITY GROUP [a]b] JOIN;", List.of(), Map.of())).isEmpty();
        assertThat(WireStatement.recognise(AvailabilityGroupStatements.join("AG") + "\nDROP TABLE x;", List.of(), Map.of())).isEmpty();
    }
}
