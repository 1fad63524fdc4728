package com.eceops.runbook.technology.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.estate.SecretResolver;
import com.eceops.runbook.estate.SqlConnectionProfile;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.sql.tds.FakeTdsServer;
import com.eceops.runbook.technology.sql.tds.FakeTdsServer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcAgainstFakeServerTest {

    private static final String PASSWORD = "Lab-Secret-7731";
    private final FakeTdsServer server = new FakeTdsServer().login("runbook", PASSWORD);
    private final Estate estate = SampleEstate.massiveDynamic();

    @AfterEach
    void close() {
        server.close();
    }

    static SqlConnectionProfile labProfile() {
        return new SqlConnectionProfile(SqlConnectionProfile.Auth.SQL, "runbook", Optional.empty(),
                Optional.of(new CredentialRef("sql-lab")), false, false, Optional.empty(), Optional.empty(), 5);
    }

    private JdbcConnector connector(String password) {
        SecretResolver secrets = new TestSecrets(password);
        return new JdbcConnector(labProfile(), secrets);
    }

    private JdbcSqlServerOperations operations(Duration timeout) {
        JdbcConnector connector = connector(PASSWORD);
        return new JdbcSqlServerOperations(estate,
                (host, database) -> connector.open(SqlTarget.replicaAt(host, server.host(), server.port()), database), timeout);
    }

    @Test
    void theRealDriverConnectsWithTheProfileAndReadsServerFacts() {
        server.when("SERVERPROPERTY", Reply.ok().rows(List.of("edition", "product_version", "instance_name", "hadr_enabled"),
                List.of(List.of("Enterprise Edition (64-bit)", "13.0.5026.0", "MSSQLSERVER", 1))));
        SqlServerFacts facts = operations(Duration.ofSeconds(10)).readFacts("CC2K125ECEAA");
        assertThat(facts.isEnterprise()).isTrue();
        assertThat(facts.isSqlServer2016()).isTrue();
        assertThat(facts.hadrEnabled()).isTrue();
    }

    @Test
    void aWrongPasswordFailsWithLoginFailed18456AndNeverShowsThePassword() {
        assertThatThrownBy(() -> connector("Wrong-Secret-9911").open(SqlTarget.replicaAt("CC2K125ECEAA", server.host(), server.port()), "master"))
                .isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("error 18456").hasMessageContaining("Login failed for user 'runbook'")
                .hasMessageNotContaining("Wrong-Secret-9911");
    }

    @Test
    void aBackupReturnsItsInformationalMessagesPerBatch() throws Exception {
        server.when("BACKUP DATABASE", Reply.ok()
                .info(3211, "25 percent processed.")
                .info(4035, "Processed 322 pages for database 'AGTemp', file 'AGTemp' on file 1.")
                .info(3014, "BACKUP DATABASE successfully processed 322 pages in 0.054 seconds (46.567 MB/sec)."));
        try (var connection = connector(PASSWORD).open(SqlTarget.replicaAt("CC2K125ECEAA", server.host(), server.port()), "master")) {
            List<BatchResult> results = new BatchRunner(Duration.ofSeconds(10)).run(connection,
                    DatabaseStatements.backupDatabase("AGTemp", "F:\\MSSQL\\Backups\\AGTemp.bak",
                            new DatabaseStatements.BackupOptions("AGTemp-Initial Full Backup", true, 25)),
                    new SqlContext("CC2K125ECEAA", "master", "pre-6.2"));
            assertThat(results).hasSize(1);
            assertThat(results.get(0).messages()).extracting(ServerMessage::number).containsExactly(3211, 4035, 3014);
            assertThat(results.get(0).messages().get(2).text()).startsWith("BACKUP DATABASE successfully processed 322 pages");
        }
    }

    @Test
    void aRestoreFailureBecomesAClearErrorNamingServerDatabaseStepStatementAndMessages() throws Exception {
        server.when("RESTORE DATABASE", Reply.ok()
                .error(3201, 16, 2, "Cannot open backup device 'F:\\MSSQL\\Backups\\eGActiveDB.bak'. Operating system error 2(The system cannot find the file specified.).", 1)
                .error(3013, 16, 1, "RESTORE DATABASE is terminating abnormally.", 1));
        try (var connection = connector(PASSWORD).open(SqlTarget.replicaAt("CC2K125ECEAB", server.host(), server.port()), "master")) {
            assertThatThrownBy(() -> new BatchRunner(Duration.ofSeconds(10)).run(connection,
                    DatabaseStatements.restoreDatabase("eGActiveDB", "F:\\MSSQL\\Backups\\eGActiveDB.bak", SqlServerOperations.Recovery.NORECOVERY),
                    new SqlContext("CC2K125ECEAB", "master", "post-4")))
                    .isInstanceOfSatisfying(SqlStatementFailedException.class, e -> {
                        assertThat(e.host()).isEqualTo("CC2K125ECEAB");
                        assertThat(e.errors()).extracting(ServerMessage::number).contains(3201);
                    })
                    .hasMessageContaining("CC2K125ECEAB").hasMessageContaining("step post-4").hasMessageContaining("database master")
                    .hasMessageContaining("RESTORE DATABASE [eGActiveDB]").hasMessageContaining("Msg 3201, Level 16, State 2")
                    .hasMessageContaining("Cannot open backup device");
        }
    }

    @Test
    void dmvRowsBecomeTypedReplicaAndDatabaseStates() {
        server.when("FROM sys\\.availability_groups WHERE name", Reply.ok().rows(List.of("name"), List.of(List.of("CC2K125ECEDB"))));
        server.when("replica_server_name, ars\\.role_desc", Reply.ok().rows(
                List.of("replica_server_name", "role_desc", "join_state_desc", "synchronization_health_desc"),
                List.of(List.of("CC2K125ECEAA", "PRIMARY", "JOINED_STANDALONE", "HEALTHY"),
                        List.of("CC2K125ECEAB", "SECONDARY", "JOINED_STANDALONE", "HEALTHY"))));
        server.when("adc\\.database_name", Reply.ok().rows(
                List.of("database_name", "replica_server_name", "synchronization_state_desc", "synchronization_health_desc"),
                List.of(List.of("eGActiveDB", "CC2K125ECEAA", "SYNCHRONIZED", "HEALTHY"),
                        List.of("eGActiveDB", "CC2K125ECEAB", "SYNCHRONIZED", "HEALTHY"))));
        server.when("dns_name", Reply.ok().rows(List.of("dns_name"), List.of(List.of("CC2K125ECEDB"))));
        AvailabilityGroupState state = operations(Duration.ofSeconds(10)).readAvailabilityGroup("CC2K125ECEAA", "CC2K125ECEDB");
        assertThat(state.exists()).isTrue();
        assertThat(state.primary()).isEqualTo("CC2K125ECEAA");
        assertThat(state.listenerName()).isEqualTo("CC2K125ECEDB");
        assertThat(state.healthy()).isTrue();
        assertThat(server.received()).anySatisfy(r -> assertThat(r.parameters()).containsExactly("CC2K125ECEDB"));
    }

    @Test
    void aScriptIsSplitOnGoAndEachBatchIsSentInOrder() throws Exception {
        String script = "USE [SSISDB]\nGO\nSELECT 'GO\nstill one string' AS x\ngo 2\n/* GO\n*/ PRINT 1\n  Go  \n";
        try (var connection = connector(PASSWORD).open(SqlTarget.replicaAt("CC2K125ECEAA", server.host(), server.port()), "master")) {
            List<BatchResult> results = new BatchRunner(Duration.ofSeconds(10)).run(connection, script,
                    new SqlContext("CC2K125ECEAA", "SSISDB", "post-8"));
            assertThat(results).hasSize(4);
        }
        assertThat(server.statements()).containsExactly("USE [SSISDB]", "SELECT 'GO\nstill one string' AS x",
                "SELECT 'GO\nstill one string' AS x", "/* GO\n*/ PRINT 1");
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aBatchThatOutrunsItsTimeoutIsCancelledAndReported() throws Exception {
        server.when("WAITFOR", Reply.ok().delay(Duration.ofSeconds(20)));
        try (var connection = connector(PASSWORD).open(SqlTarget.replicaAt("CC2K125ECEAA", server.host(), server.port()), "master")) {
            assertThatThrownBy(() -> new BatchRunner(Duration.ofSeconds(1)).run(connection, "WAITFOR DELAY '00:00:20'",
                    new SqlContext("CC2K125ECEAA", "master", "post-3.2")))
                    .isInstanceOf(SqlStatementFailedException.class).hasMessageContaining("timed out after 1 s");
        }
    }

    @Test
    void noPasswordAppearsInTheUrlTheLogOrAnyToString() {
        new TestSecrets(PASSWORD).resolve(new CredentialRef("sql-lab"));
        SqlTarget target = SqlTarget.replicaAt("CC2K125ECEAA", server.host(), server.port());
        String url = JdbcUrls.url(labProfile(), target, "master");
        assertThat(url).doesNotContain(PASSWORD).doesNotContain("password");
        assertThat(connector(PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(labProfile().toString()).doesNotContain(PASSWORD);
        assertThat(SecretMasker.mask("pw=" + PASSWORD)).doesNotContain(PASSWORD);
        SqlStatementFailedException failure = new SqlStatementFailedException(new SqlContext("h", "db", "s"),
                "CREATE LOGIN x WITH PASSWORD = N'" + PASSWORD + "'", "echo " + PASSWORD, List.of(),
                new RuntimeException("driver said " + PASSWORD));
        assertThat(failure.getMessage()).doesNotContain(PASSWORD);
        assertThat(failure.getCause().getMessage()).doesNotContain(PASSWORD);
    }

    @Test
    void theListenerTargetAsksForMultiSubnetFailoverAndWindowsAuthentication() {
        SqlConnectionProfile profile = estate.sqlConnection().orElseThrow();
        String url = JdbcUrls.url(profile, new EstateConnections(estate, null).target("CC2K125ECEDB"), "master");
        assertThat(url).startsWith("jdbc:sqlserver://CC2K125ECEDB.massivedynamic.com:1433;")
                .contains(";multiSubnetFailover=true", ";encrypt=true", ";trustServerCertificate=false",
                        ";hostNameInCertificate=*.massivedynamic.com", ";integratedSecurity=true;authenticationScheme=NTLM;domain=MASSIVE");
        String replica = JdbcUrls.url(profile, new EstateConnections(estate, null).target("CC2K125ECEAB"), "master");
        assertThat(replica).startsWith("jdbc:sqlserver://CC2K125ECEAB.massivedynamic.com:1433;").doesNotContain("multiSubnetFailover");
    }

    @Test
    void aReplicaWithAStaticSqlPortIsReachedThereWithoutSqlBrowser() {
        com.eceops.runbook.estate.Server b = estate.sideB().collocated();
        com.eceops.runbook.estate.Server named = new com.eceops.runbook.estate.Server(b.name(), b.ip(), b.role(), b.side(),
                b.drives(), b.eceHome(), null, "ECE", 14330, b.connection());
        com.eceops.runbook.estate.Side side = estate.sideB();
        Estate withPort = new Estate(estate.name(), estate.description(), estate.live(), estate.domain(), estate.sideA(),
                new com.eceops.runbook.estate.Side(side.id(), side.subnet(), named, side.web()), estate.cluster(),
                estate.availabilityGroup(), estate.databases(), estate.paths(), estate.dfs(), estate.accounts(), estate.ece(),
                estate.loadBalancer(), estate.patchWindows(), estate.sqlConnection(), estate.patchStepEstimates());
        String url = JdbcUrls.url(estate.sqlConnection().orElseThrow(), new EstateConnections(withPort, null).target(b.name()), "master");
        assertThat(url).startsWith("jdbc:sqlserver://CC2K125ECEAB.massivedynamic.com:14330;").doesNotContain("\\ECE");
    }

    /** Secrets from a map instead of the environment and file. */
    static final class TestSecrets extends SecretResolver {
        TestSecrets(String password) {
            super(new com.eceops.runbook.estate.EstateProperties(Path.of("estates"), Path.of("target/none")));
            this.password = password;
        }

        private final String password;

        @Override
        public com.eceops.runbook.estate.Secret resolve(CredentialRef reference) {
            return new com.eceops.runbook.estate.Secret(password.toCharArray());
        }
    }

    static Map<String, Object> row(Object... keyValues) {
        return Map.of();
    }

    @Test
    void ssisCleanupGrantsAlreadyInPlaceAreReadAndNotGrantedAgain() {
        server.when("sys\\.database_permissions", Reply.ok().rows(List.of("procedure_name"), List.of(
                List.of("cleanup_server_execution_keys"), List.of("cleanup_server_log"),
                List.of("cleanup_server_project_version"), List.of("cleanup_server_retention_window"))));
        var change = operations(Duration.ofSeconds(10)).grantSsisCleanupPermissions("CC2K125ECEAA");
        assertThat(change.changed()).isFalse();
        assertThat(server.received()).anySatisfy(r -> assertThat(r.parameters()).containsExactly("##MS_SSISServerCleanupJobUser##"));
        assertThat(server.statements()).noneMatch(sql -> sql.contains("GRANT EXECUTE"));
    }

    private static final String PRE_PATCH = "F:\\MSSQL\\Backups\\eGActiveDB_PrePatch_20261107-210000.bak";

    private void localRole(String role) {
        server.when("msdb\\.dbo\\.restorehistory", Reply.ok().rows(List.of("restored_utc"), List.of(List.of(""))));
        server.when("FROM sys\\.databases d", Reply.ok().rows(List.of("name", "state_desc", "recovery_model_desc",
                "in_availability_group", "last_full_utc", "last_log_utc"), List.of(List.of("eGActiveDB", "ONLINE", "FULL", 0, "", ""))));
        server.when("is_local = 1", Reply.ok().rows(List.of("availability_group", "role_desc"), List.of(List.of("CC2K125ECEDB", role))));
        server.when("msdb\\.dbo\\.sysjobactivity", Reply.ok().rows(List.of("name", "running", "run_status", "message"), List.of()));
    }

    private void verifyonlyRefuses() {
        server.when("RESTORE VERIFYONLY", Reply.ok()
                .error(3201, 16, 2, "Cannot open backup device '" + PRE_PATCH + "'. Operating system error 2(The system cannot find the file specified.).", 1)
                .error(3013, 16, 1, "VERIFY DATABASE is terminating abnormally.", 1));
    }

    @Test
    void restoreVerifyonlyRefusalsAreAVerdictNotAFailure() {
        verifyonlyRefuses();
        BackupVerification verdict = operations(Duration.ofSeconds(10)).verifyBackup("CC2K125ECEAA", PRE_PATCH, 1);
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.report()).contains("Msg 3201, Level 16").contains("VERIFY DATABASE is terminating abnormally");
    }

    @Test
    void aValidBackupSetIsReportedInTheServersWordsAndCheckedAtItsPositionWithChecksums() {
        server.when("RESTORE VERIFYONLY", Reply.ok().info(3262, "The backup set on file 2 is valid."));
        BackupVerification verdict = operations(Duration.ofSeconds(10)).verifyBackup("CC2K125ECEAA", PRE_PATCH, 2);
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.report()).isEqualTo("The backup set on file 2 is valid.");
        assertThat(server.statements()).anyMatch(sql -> sql.equals("RESTORE VERIFYONLY FROM DISK = N'" + PRE_PATCH + "'\n WITH FILE = 2, CHECKSUM;"));
    }

    private static final String FIRST_LSN = "42000000000012300001";
    private static final String LAST_LSN = "42000000000012500001";
    private static final PrePatchRestore RESTORE = new PrePatchRestore("eGActiveDB", PRE_PATCH, 1, FIRST_LSN, LAST_LSN, "CC2K125ECEAA");

    private void header(String database, int type, String first, String last) {
        server.when("RESTORE HEADERONLY", Reply.ok().rows(List.of("BackupName", "BackupType", "Position", "DatabaseName",
                "FirstLSN", "LastLSN", "HasBackupChecksums"), List.of(List.of("eGActiveDB-Full Backup Before Patch", type, 1,
                database, first, last, 1))));
    }

    @Test
    void thePrePatchBackupStartsAsASelfDeletingAgentJobOnThePrimaryAndReturns() {
        localRole("PRIMARY");
        var change = operations(Duration.ofSeconds(10)).startBackupBeforePatch("CC2K125ECEAA", "eGActiveDB", PRE_PATCH);
        assertThat(change.changed()).isTrue();
        String job = DetachedJobs.backupBeforePatch("eGActiveDB", PRE_PATCH);
        assertThat(server.statements()).anyMatch(sql -> sql.startsWith("EXEC msdb.dbo.sp_add_job @job_name = N'" + job + "'")
                && sql.contains("@delete_level = 1") && sql.contains("WITH INIT, COPY_ONLY, CHECKSUM")
                && sql.endsWith("EXEC msdb.dbo.sp_start_job @job_name = N'" + job + "';"));
        assertThat(server.statements()).noneMatch(sql -> sql.startsWith("BACKUP DATABASE"));
    }

    @Test
    void thePrePatchBackupIsRefusedOnASecondaryBeforeAnyJobIsCreated() {
        localRole("SECONDARY");
        assertThatThrownBy(() -> operations(Duration.ofSeconds(10)).startBackupBeforePatch("CC2K125ECEAB", "eGActiveDB", PRE_PATCH))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("not the PRIMARY replica");
        assertThat(server.statements()).noneMatch(sql -> sql.contains("sp_add_job"));
    }

    @Test
    void aRunningJobReportsItsPercentCompleteAndAFailedOneItsMessage() {
        String job = DetachedJobs.restoreBeforePatch("eGActiveDB", PRE_PATCH);
        server.when("msdb\\.dbo\\.sysjobactivity", Reply.ok().rows(List.of("name", "running", "run_status", "message"),
                List.of(java.util.Arrays.asList(job, 1, null, null))));
        server.when("percent_complete", Reply.ok().rows(List.of("percent_complete"), List.of(List.of(42.5))));
        DetachedRun running = operations(Duration.ofSeconds(10)).readDetachedRun("CC2K125ECEAA", job, PRE_PATCH);
        assertThat(running.running()).isTrue();
        assertThat(running.percentComplete()).isEqualTo(42);
        assertThat(server.received()).anyMatch(r -> r.sql().contains("CHARINDEX(") && r.parameters().contains(PRE_PATCH));

        server.when("msdb\\.dbo\\.sysjobactivity", Reply.ok().rows(List.of("name", "running", "run_status", "message"),
                List.of(List.of(job, 0, 0, "Exclusive access could not be obtained because the database is in use. [SQLSTATE 42000] (Error 3101)"))));
        DetachedRun failed = operations(Duration.ofSeconds(10)).readDetachedRun("CC2K125ECEAA", job, PRE_PATCH);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.message()).contains("Error 3101");

        server.when("msdb\\.dbo\\.sysjobactivity", Reply.ok().rows(List.of("name", "running", "run_status", "message"), List.of()));
        assertThat(operations(Duration.ofSeconds(10)).readDetachedRun("CC2K125ECEAA", job, PRE_PATCH).state())
                .isEqualTo(DetachedRun.State.ABSENT);
    }

    @Test
    void theRollbackRestoreIsRefusedOnASecondaryBeforeAnyJobIsCreated() {
        localRole("SECONDARY");
        server.when("RESTORE VERIFYONLY", Reply.ok().info(3262, "The backup set on file 1 is valid."));
        header("eGActiveDB", 1, FIRST_LSN, LAST_LSN);
        assertThatThrownBy(() -> operations(Duration.ofSeconds(10)).startRestoreBeforePatch("CC2K125ECEAB",
                new PrePatchRestore("eGActiveDB", PRE_PATCH, 1, FIRST_LSN, LAST_LSN, "CC2K125ECEAA")))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("SECONDARY replica of CC2K125ECEDB");
        assertThat(server.statements()).noneMatch(sql -> sql.contains("sp_add_job"));
    }

    @Test
    void theRollbackRestoreOfAFileThatFailsVerificationIsRefused() {
        localRole("PRIMARY");
        verifyonlyRefuses();
        header("eGActiveDB", 1, FIRST_LSN, LAST_LSN);
        assertThatThrownBy(() -> operations(Duration.ofSeconds(10)).startRestoreBeforePatch("CC2K125ECEAA", RESTORE))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("fails RESTORE VERIFYONLY");
        assertThat(server.statements()).noneMatch(sql -> sql.contains("sp_add_job"));
    }

    @Test
    void aSwappedFileWhoseHeaderIsAnotherBackupIsRefusedBeforeAnyJobIsCreated() {
        localRole("PRIMARY");
        server.when("RESTORE VERIFYONLY", Reply.ok().info(3262, "The backup set on file 1 is valid."));
        header("eGActiveDB", 1, "43000000000000100001", "43000000000000300001");
        assertThatThrownBy(() -> operations(Duration.ofSeconds(10)).startRestoreBeforePatch("CC2K125ECEAA", RESTORE))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("is not the recorded pre-patch backup")
                .hasMessageContaining("differ from the recorded " + FIRST_LSN + "-" + LAST_LSN);
        assertThat(server.statements()).anyMatch(sql -> sql.equals("RESTORE HEADERONLY FROM DISK = N'" + PRE_PATCH + "'\n WITH FILE = 1;"));
        assertThat(server.statements()).noneMatch(sql -> sql.contains("sp_add_job"));
    }

    @Test
    void theRollbackRestoreOnThePrimaryStartsAJobThatTakesExclusiveUseAndReplaces() {
        localRole("PRIMARY");
        server.when("RESTORE VERIFYONLY", Reply.ok().info(3262, "The backup set on file 1 is valid."));
        header("eGActiveDB", 1, FIRST_LSN, LAST_LSN);
        var change = operations(Duration.ofSeconds(10)).startRestoreBeforePatch("CC2K125ECEAA", RESTORE);
        assertThat(change.changed()).isTrue();
        assertThat(server.statements()).anyMatch(sql -> sql.contains("sp_add_job") && sql.contains("SET SINGLE_USER WITH ROLLBACK IMMEDIATE")
                && sql.contains("WITH FILE = 1, REPLACE, RECOVERY, CHECKSUM") && sql.contains("SET MULTI_USER")
                && sql.contains("sp_start_job"));
        assertThat(server.statements()).noneMatch(sql -> sql.startsWith("RESTORE DATABASE"));
    }

    @Test
    void theLatestRestoreIsReadWithTheLsnsOfTheBackupSetItRestored() {
        server.when("msdb\\.dbo\\.restorehistory", Reply.ok().rows(List.of("restored_utc", "physical_device_name", "first_lsn", "last_lsn"),
                List.of(List.of("2026-11-07T23:10:00", PRE_PATCH, FIRST_LSN, LAST_LSN))));
        RestoreFacts restore = operations(Duration.ofSeconds(10)).lastRestore("CC2K125ECEAA", "eGActiveDB").orElseThrow();
        assertThat(restore.path()).isEqualTo(PRE_PATCH);
        assertThat(restore.restoredAt()).isEqualTo(java.time.Instant.parse("2026-11-07T23:10:00Z"));
        assertThat(restore.restored(FIRST_LSN, LAST_LSN)).isTrue();
        assertThat(restore.restored(FIRST_LSN, "1")).isFalse();
    }

    @Test
    void setHadrOffIsRefusedOnThePrimary() {
        localRole("PRIMARY");
        assertThatThrownBy(() -> operations(Duration.ofSeconds(10)).leaveAvailabilityGroup("CC2K125ECEAA", "eGActiveDB"))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("REMOVE DATABASE on the primary");
        assertThat(server.statements()).noneMatch(sql -> sql.contains("SET HADR OFF"));
    }
}
