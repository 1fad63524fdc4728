package com.eceops.runbook.technology.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.eceops.runbook.estate.Estate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import com.eceops.runbook.technology.powershell.MarkdownPlan;
import org.junit.jupiter.api.Test;

class SqlRenderingTest {

    private static final String HOSTILE = "ev]il'; DROP TABLE pwned; -- \n/* ]] '' Zürich 東京 */ GO\r\nx";

    @Test
    void theAvailabilityGroupAPlanRecordsUsesNoOptionThatSqlServer2016Rejects() {
        Estate estate = SampleEstate.massiveDynamic();
        MarkdownPlan plan = new MarkdownPlan("sql");
        List<AvailabilityGroupSpec.Replica> replicas = estate.collocatedServers().stream()
                .map(r -> new AvailabilityGroupSpec.Replica(r.name(), "TCP://" + estate.fqdn(r.name()) + ":5022", true, true))
                .toList();
        JdbcSqlServerOperations.recording(estate, plan, () -> "pre-6.3").createAvailabilityGroup("CC2K125ECEAA",
                new AvailabilityGroupSpec("CC2K125ECEAG", replicas, "ANY_REPLICA", false, List.of("AGTemp")));
        assertThat(plan.toMarkdown("T-SQL")).doesNotContain("CLUSTER_TYPE", "REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT", "CONFIGURATION_ONLY")
                .contains("AUTOMATED_BACKUP_PREFERENCE = NONE", "DB_FAILOVER = OFF");
    }

    @Test
    void theDocumentsAnyReplicaIsBackupPreferenceNone() {
        assertThat(AvailabilityGroupStatements.BackupPreference.of("Any Replica"))
                .isEqualTo(AvailabilityGroupStatements.BackupPreference.NONE);
        assertThat(AvailabilityGroupStatements.BackupPreference.of("ANY_REPLICA"))
                .isEqualTo(AvailabilityGroupStatements.BackupPreference.NONE);
    }

    @Test
    void subDaySchedulesRunAroundTheClockInStepWithTheirStart() {
        // sp_add_schedule: a daily schedule repeats only between active_start_time and active_end_time each day.
        assertThat(JobSchedule.parse("every 1 minute from 01:30").startAsHhmmss()).isZero();
        assertThat(JobSchedule.parse("every 15 minutes from 01:40").startAsHhmmss()).isEqualTo(1000);
        assertThat(JobSchedule.parse("every 1 hour from 00:15").startAsHhmmss()).isEqualTo(1500);
        assertThat(JobSchedule.parse("weekly Sunday 01:30").startAsHhmmss()).isEqualTo(13000);
    }

    @Test
    void oneFileBackupsOverwriteAndTheEndpointGranteeGetsALoginFirst() {
        DatabaseStatements.BackupOptions options = new DatabaseStatements.BackupOptions("x", false, 0);
        assertThat(DatabaseStatements.backupDatabase("d", "F:\\b\\d.bak", options)).contains("WITH INIT, NAME = N'x';");
        assertThat(DatabaseStatements.backupLog("d", "F:\\b\\d.trn", options)).contains("WITH INIT, NAME = N'x';");
        String grant = AvailabilityGroupStatements.grantEndpointConnect("DOM\\svc");
        assertThat(grant.indexOf("CREATE LOGIN [DOM\\svc] FROM WINDOWS;")).isNotNegative()
                .isLessThan(grant.indexOf("GRANT CONNECT ON ENDPOINT::[Hadr_endpoint] TO [DOM\\svc];"));
    }

    @Test
    void theRollbackRestoreReplacesWithRecoveryFromTheRecordedPositionAndRefusesNoPosition() {
        assertThat(DatabaseStatements.restoreDatabaseReplacing("eGActiveDB", "F:\\b\\a.bak", 1, SqlServerOperations.Recovery.RECOVERY))
                .isEqualTo("RESTORE DATABASE [eGActiveDB]\n FROM DISK = N'F:\\b\\a.bak'\n WITH FILE = 1, REPLACE, RECOVERY, STATS = 25;");
        assertThat(AvailabilityGroupStatements.leaveGroup("eGActiveDB")).isEqualTo("ALTER DATABASE [eGActiveDB] SET HADR OFF;");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatabaseStatements.restoreDatabaseReplacing("d", "p", 0,
                SqlServerOperations.Recovery.RECOVERY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePrePatchBackupIsCopyOnlyWithChecksumsAndIsVerifiedAtItsPosition() {
        assertThat(DatabaseStatements.backupDatabase("eGActiveDB", "F:\\b\\a.bak", DatabaseStatements.beforePatch("eGActiveDB")))
                .isEqualTo("BACKUP DATABASE [eGActiveDB]\n TO DISK = N'F:\\b\\a.bak'\n WITH INIT, COPY_ONLY, CHECKSUM,"
                        + " NAME = N'eGActiveDB-Full Backup Before Patch', STATS = 25;");
        assertThat(DatabaseStatements.verifyBackup("F:\\b\\a.bak", 2))
                .isEqualTo("RESTORE VERIFYONLY FROM DISK = N'F:\\b\\a.bak'\n WITH FILE = 2, CHECKSUM;");
        assertThat(DatabaseStatements.readHeader("F:\\b\\a.bak", 1))
                .isEqualTo("RESTORE HEADERONLY FROM DISK = N'F:\\b\\a.bak'\n WITH FILE = 1;");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatabaseStatements.verifyBackup("p", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRollbackRestorePutsOtherSessionsOutInTheSameBatchAndRunsAsASelfDeletingAgentJob() {
        String restore = DatabaseStatements.restoreBeforePatch("eGActiveDB", "F:\\b\\a.bak", 1);
        assertThat(restore).isEqualTo("IF DB_ID(N'eGActiveDB') IS NOT NULL\n"
                + "    ALTER DATABASE [eGActiveDB] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;\n"
                + "RESTORE DATABASE [eGActiveDB]\n FROM DISK = N'F:\\b\\a.bak'\n WITH FILE = 1, REPLACE, RECOVERY, CHECKSUM, STATS = 5;\n"
                + "IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N'eGActiveDB' AND user_access_desc <> N'MULTI_USER')\n"
                + "    ALTER DATABASE [eGActiveDB] SET MULTI_USER;");
        String job = DetachedStatements.startJob("ECE runbook: RESTORE eGActiveDB from a.bak", "rollback", restore, true);
        assertThat(job).startsWith("IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = N'ECE runbook: RESTORE eGActiveDB from a.bak')\n"
                + "    EXEC msdb.dbo.sp_delete_job @job_name = N'ECE runbook: RESTORE eGActiveDB from a.bak';")
                .contains("@delete_level = 1;")
                .contains("@subsystem = N'TSQL', @database_name = N'master', @command = N'IF DB_ID(N''eGActiveDB'') IS NOT NULL")
                .endsWith("EXEC msdb.dbo.sp_start_job @job_name = N'ECE runbook: RESTORE eGActiveDB from a.bak';");
        assertThat(DetachedStatements.startJob("j", "d", "SELECT 1;", false)).doesNotContain("sp_delete_job");
        assertThat(DetachedJobs.backupBeforePatch("eGActiveDB", "F:\\MSSQL\\Backups\\eGActiveDB_PrePatch_x.bak"))
                .isEqualTo("ECE runbook: BACKUP eGActiveDB to eGActiveDB_PrePatch_x.bak");
        assertThat(DetachedJobs.restoreBeforePatch("d", "F:\\" + "x".repeat(200) + ".bak")).hasSize(128);
    }

    @Test
    void hostileNamesAndValuesNeverEscapeTheirQuoting() {
        List<String> statements = new ArrayList<>();
        statements.add(DatabaseStatements.createSeedingDatabase(HOSTILE, HOSTILE));
        statements.add(DatabaseStatements.setRecoveryModel(HOSTILE, SqlServerOperations.RecoveryModel.FULL));
        DatabaseStatements.BackupOptions options = new DatabaseStatements.BackupOptions(HOSTILE, true, 25);
        statements.add(DatabaseStatements.backupDatabase(HOSTILE, HOSTILE, options));
        statements.add(DatabaseStatements.backupLog(HOSTILE, HOSTILE, options));
        statements.add(DatabaseStatements.restoreDatabase(HOSTILE, HOSTILE, SqlServerOperations.Recovery.NORECOVERY));
        statements.add(DatabaseStatements.restoreLog(HOSTILE, HOSTILE, SqlServerOperations.Recovery.NORECOVERY));
        statements.add(DatabaseStatements.verifyBackup(HOSTILE, 1));
        statements.add(DatabaseStatements.readHeader(HOSTILE, 2));
        statements.add(DatabaseStatements.restoreBeforePatch(HOSTILE, HOSTILE, 1));
        statements.add(DetachedStatements.startJob(HOSTILE, HOSTILE, DatabaseStatements.restoreBeforePatch(HOSTILE, HOSTILE, 1), true));
        statements.add(DatabaseStatements.restoreDatabaseReplacing(HOSTILE, HOSTILE, 1, SqlServerOperations.Recovery.RECOVERY));
        statements.add(DatabaseStatements.restoreDatabaseReplacing(HOSTILE, HOSTILE, 2, SqlServerOperations.Recovery.NORECOVERY));
        statements.add(DatabaseStatements.backupDatabase(HOSTILE, HOSTILE, DatabaseStatements.beforePatch(HOSTILE)));
        statements.add(AvailabilityGroupStatements.leaveGroup(HOSTILE));
        statements.add(AvailabilityGroupStatements.grantEndpointConnect(HOSTILE));
        statements.add(AvailabilityGroupStatements.createAvailabilityGroup(HOSTILE, List.of(HOSTILE, HOSTILE),
                List.of(new AvailabilityGroupStatements.ReplicaSpec(HOSTILE, HOSTILE, true, true)),
                AvailabilityGroupStatements.BackupPreference.NONE, false));
        statements.add(AvailabilityGroupStatements.addListener(HOSTILE, HOSTILE,
                List.of(new AvailabilityGroupStatements.ListenerAddress(HOSTILE, HOSTILE)), 1433));
        statements.add(AvailabilityGroupStatements.join(HOSTILE));
        statements.add(AvailabilityGroupStatements.addDatabase(HOSTILE, HOSTILE));
        statements.add(AvailabilityGroupStatements.joinDatabase(HOSTILE, HOSTILE));
        statements.add(AvailabilityGroupStatements.removeDatabase(HOSTILE, HOSTILE));
        statements.add(AvailabilityGroupStatements.failover(HOSTILE));
        statements.add(SsisStatements.grantCleanupExecute(HOSTILE));
        for (AgentJob job : BackupPlan.jobs(List.of(HOSTILE), HOSTILE)) {
            statements.add(AgentJobStatements.replaceJob(new AgentJob(HOSTILE, job.schedule(), job.command())));
            statements.add(job.command());
        }
        for (String statement : statements) {
            String code = outsideQuotes(statement);
            // "ev]" rather than "ev": msdb's @delete_level is code and holds "ev".
            assertThat(code).as(statement).doesNotContain("pwned", "Zürich", "東京", "ev]");
            assertThat(GoSplitter.split(statement)).as("no GO line escapes: " + statement).hasSize(1);
        }
    }

    /** The statement with every [identifier] and N'string' removed, by T-SQL's own quoting rules. */
    static String outsideQuotes(String sql) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '[' || c == '\'') {
                char close = c == '[' ? ']' : '\'';
                i++;
                while (i < sql.length()) {
                    if (sql.charAt(i) == close) {
                        if (i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                assertThat(i).as("unterminated quote in " + sql).isLessThan(sql.length());
                code.append(c == '[' ? "[]" : "''");
            } else {
                code.append(c);
            }
            i++;
        }
        return code.toString();
    }
}
