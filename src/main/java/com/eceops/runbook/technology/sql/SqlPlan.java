package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.estate.SingleLine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The T-SQL of every procedure step for an estate, per server, in procedure order: what plan mode shows and
 * what a reviewer reads against Microsoft's documentation. Side A's collocated server is the initial primary.
 */
public final class SqlPlan {

    /** One statement as it would run: on which server, for which step, in which database. */
    public record PlannedStatement(String server, String step, String database, String sql) {
    }

    private SqlPlan() {
    }

    public static List<PlannedStatement> of(Estate estate) {
        Server primary = estate.sideA().collocated();
        Server secondary = estate.sideB().collocated();
        String p = primary.name();
        String s = secondary.name();
        String listener = estate.availabilityGroup().listenerName();
        String group = estate.availabilityGroup().name();
        String seeding = estate.databases().seedingDatabase();
        String backups = dir(estate.paths().sqlBackups());
        int endpointPort = estate.availabilityGroup().endpointPort();
        String sqlService = estate.domain().netbios() + "\\" + estate.accounts().sqlService().name();
        JdbcSqlServerOperations ops = new JdbcSqlServerOperations(estate, (h, d) -> {
            throw new UnsupportedOperationException("plan only");
        }, JdbcSqlServerOperations.DEFAULT_TIMEOUT);

        List<PlannedStatement> plan = new ArrayList<>();
        for (Server server : List.of(primary, secondary)) {
            plan.add(new PlannedStatement(server.name(), "pre-6.3", "master", AvailabilityGroupStatements.createEndpoint(endpointPort)));
            plan.add(new PlannedStatement(server.name(), "pre-6.3", "master", AvailabilityGroupStatements.grantEndpointConnect(sqlService)));
        }
        plan.add(new PlannedStatement(p, "pre-6.2", "master", DatabaseStatements.createSeedingDatabase(seeding, estate.paths().sqlData())));
        plan.add(new PlannedStatement(p, "pre-6.2", "master", DatabaseStatements.setRecoveryModel(seeding, SqlServerOperations.RecoveryModel.FULL)));
        plan.add(new PlannedStatement(p, "pre-6.2", "master", DatabaseStatements.backupDatabase(seeding, backups + seeding + ".bak",
                new DatabaseStatements.BackupOptions(seeding + "-Initial Full Backup", true, 25))));
        plan.add(new PlannedStatement(p, "pre-6.3", "master", DatabaseStatements.backupLog(seeding, backups + seeding + ".trn",
                new DatabaseStatements.BackupOptions(seeding + "-Initial T Log Backup", true, 25))));
        List<AvailabilityGroupSpec.Replica> replicas = List.of(primary, secondary).stream()
                .map(r -> new AvailabilityGroupSpec.Replica(r.name(), "TCP://" + estate.fqdn(r.name()) + ":" + endpointPort, true, true))
                .toList();
        AvailabilityGroupSpec spec = new AvailabilityGroupSpec(group, replicas, "ANY_REPLICA", false, List.of(seeding));
        plan.add(new PlannedStatement(p, "pre-6.3", "master", AvailabilityGroupStatements.createAvailabilityGroup(group,
                spec.databases(), ops.replicas(spec), AvailabilityGroupStatements.BackupPreference.of(spec.backupPreference()), false)));
        ListenerSpec listenerSpec = new ListenerSpec(listener, List.copyOf(estate.availabilityGroup().listenerIpsBySide().values()),
                estate.availabilityGroup().listenerPort());
        plan.add(new PlannedStatement(p, "pre-6.3", "master", AvailabilityGroupStatements.addListener(group, listener,
                ops.addresses(listenerSpec), listenerSpec.port())));
        plan.add(new PlannedStatement(s, "pre-6.4", "master", AvailabilityGroupStatements.join(group)));
        plan.add(new PlannedStatement(s, "pre-6.4", "master", DatabaseStatements.restoreDatabase(seeding, adminShare(p, backups + seeding + ".bak"), SqlServerOperations.Recovery.NORECOVERY)));
        plan.add(new PlannedStatement(s, "pre-6.4", "master", DatabaseStatements.restoreLog(seeding, adminShare(p, backups + seeding + ".trn"), SqlServerOperations.Recovery.NORECOVERY)));
        plan.add(new PlannedStatement(s, "pre-6.4", "master", AvailabilityGroupStatements.joinDatabase(group, seeding)));
        for (String db : estate.databases().eceDatabases()) {
            plan.add(new PlannedStatement(p, "post-3.1", "master", DatabaseStatements.setRecoveryModel(db, SqlServerOperations.RecoveryModel.FULL)));
        }
        for (String db : estate.databases().eceDatabases()) {
            plan.add(new PlannedStatement(p, "post-3.2", "master", DatabaseStatements.backupDatabase(db, backups + db + ".bak",
                    new DatabaseStatements.BackupOptions(db + "-Initial Full Backup", true, 25))));
        }
        for (String db : estate.databases().eceDatabases()) {
            plan.add(new PlannedStatement(p, "post-3.3", "master", DatabaseStatements.backupLog(db, backups + db + ".trn",
                    new DatabaseStatements.BackupOptions(db + "-Initial T Log Backup", true, 25))));
        }
        for (String db : estate.databases().eceDatabases()) {
            plan.add(new PlannedStatement(s, "post-4", "master", DatabaseStatements.restoreDatabase(db, adminShare(p, backups + db + ".bak"), SqlServerOperations.Recovery.NORECOVERY)));
            plan.add(new PlannedStatement(s, "post-4", "master", DatabaseStatements.restoreLog(db, adminShare(p, backups + db + ".trn"), SqlServerOperations.Recovery.NORECOVERY)));
        }
        for (String db : estate.databases().eceDatabases()) {
            plan.add(new PlannedStatement(p, "post-5", "master", AvailabilityGroupStatements.addDatabase(group, db)));
            plan.add(new PlannedStatement(s, "post-5", "master", AvailabilityGroupStatements.joinDatabase(group, db)));
        }
        for (Server server : List.of(primary, secondary)) {
            plan.add(new PlannedStatement(server.name(), "post-6", "master", DmvQueries.REPLICAS));
            plan.add(new PlannedStatement(server.name(), "post-6", "master", DmvQueries.DATABASE_REPLICAS));
        }
        plan.add(new PlannedStatement(p, "post-8", SqlGuards.SSISDB, SsisStatements.grantCleanupExecute(SqlGuards.SSISDB)));
        for (Server server : List.of(primary, secondary)) {
            for (AgentJob job : BackupPlan.jobs(estate.databases().eceDatabases(), estate.paths().sqlBackups())) {
                plan.add(new PlannedStatement(server.name(), "post-9", "msdb", AgentJobStatements.replaceJob(job)));
            }
        }
        for (String db : estate.databases().eceDatabases()) {
            String path = prePatchBackup(backups, db);
            plan.add(new PlannedStatement(p, "patch-2.1", "msdb", DetachedStatements.startJob(DetachedJobs.backupBeforePatch(db, path),
                    "patch-2.1: pre-patch backup of " + db, DatabaseStatements.backupDatabase(db, path, DatabaseStatements.beforePatch(db)), false)));
            plan.add(new PlannedStatement(p, "patch-2.1", "msdb", DmvQueries.DETACHED_JOB));
            plan.add(new PlannedStatement(p, "patch-2.1", "master", DmvQueries.DETACHED_PROGRESS));
            plan.add(new PlannedStatement(p, "patch-2.1", "master", DatabaseStatements.verifyBackup(path, 1)));
            plan.add(new PlannedStatement(s, "patch-2.1", "master", DatabaseStatements.verifyBackup(path, 1)));
        }
        rollback(plan, estate, p, s);
        return plan;
    }

    /**
     * The rollback of a patch (RestoreDatabasesBeforePatch) with side A primary, as the run sends it: the files'
     * headers and checksums checked, the databases out of the group (SET HADR OFF only where a secondary copy is
     * still joined after REMOVE DATABASE), each pre-patch backup restored over its database on the primary from
     * the primary's own copy, detached in an Agent job that first puts the other sessions out, then the
     * secondary seeded again with the seeding section's statements under {@code _Reseed_<run>_<rollback instance>} file names.
     */
    private static void rollback(List<PlannedStatement> plan, Estate estate, String p, String s) {
        String backups = dir(estate.paths().sqlBackups());
        String group = estate.availabilityGroup().name();
        for (String db : estate.databases().eceDatabases()) {
            String path = prePatchBackup(backups, db);
            plan.add(new PlannedStatement(p, "rollback", "master", DatabaseStatements.verifyBackup(path, 1)));
            plan.add(new PlannedStatement(p, "rollback", "master", DatabaseStatements.readHeader(path, 1)));
        }
        for (String db : estate.databases().eceDatabases()) {
            plan.add(new PlannedStatement(p, "rollback", "master", AvailabilityGroupStatements.removeDatabase(group, db)));
            plan.add(new PlannedStatement(s, "rollback", "master", "-- only if " + SingleLine.of(db) + " is still joined here after REMOVE DATABASE\n"
                    + AvailabilityGroupStatements.leaveGroup(db)));
        }
        for (String db : estate.databases().eceDatabases()) {
            String path = prePatchBackup(backups, db);
            plan.add(new PlannedStatement(p, "rollback", "msdb", DetachedStatements.startJob(DetachedJobs.restoreBeforePatch(db, path),
                    "rollback: restore of " + db + " from before the patch", DatabaseStatements.restoreBeforePatch(db, path, 1), false)));
            plan.add(new PlannedStatement(p, "rollback", "msdb", DmvQueries.DETACHED_JOB));
            plan.add(new PlannedStatement(p, "rollback", "master", DmvQueries.LAST_RESTORE));
        }
        for (String db : estate.databases().eceDatabases()) {
            plan.add(new PlannedStatement(p, "rollback post-3.2", "master", DatabaseStatements.backupDatabase(db,
                    backups + db + "_Reseed_<run>_<rollback>.bak", new DatabaseStatements.BackupOptions(db + "-Full Database Backup", false, 25))));
            plan.add(new PlannedStatement(p, "rollback post-3.3", "master", DatabaseStatements.backupLog(db,
                    backups + db + "_Reseed_<run>_<rollback>.trn", new DatabaseStatements.BackupOptions(db + "-Transaction Log Backup", true, 25))));
        }
        for (String db : estate.databases().eceDatabases()) {
            plan.add(new PlannedStatement(s, "rollback post-4", "master", DatabaseStatements.restoreDatabaseReplacing(db,
                    backups + db + "_Reseed_<run>_<rollback>.bak", 1, SqlServerOperations.Recovery.NORECOVERY)));
            plan.add(new PlannedStatement(s, "rollback post-4", "master", DatabaseStatements.restoreLog(db,
                    backups + db + "_Reseed_<run>_<rollback>.trn", SqlServerOperations.Recovery.NORECOVERY)));
        }
        for (String db : estate.databases().eceDatabases()) {
            plan.add(new PlannedStatement(p, "rollback post-5", "master", AvailabilityGroupStatements.addDatabase(group, db)));
            plan.add(new PlannedStatement(s, "rollback post-5", "master", AvailabilityGroupStatements.joinDatabase(group, db)));
        }
    }

    /** One file per database and patch run; {@code <run>} is the run's start, yyyyMMdd-HHmmss, in a live run. */
    private static String prePatchBackup(String backups, String db) {
        return backups + db + "_PrePatch_<run>.bak";
    }

    /**
     * The plan of one server as a script: each statement its own batch, headed by its step. What a {@code --}
     * comment shows is made single-line ({@link SingleLine}), so that no value can end the comment.
     */
    public static String script(List<PlannedStatement> plan, String server) {
        return plan.stream().filter(s -> s.server().equals(server))
                .map(s -> "-- " + SingleLine.of(s.step()) + " (" + SingleLine.of(s.database()) + ")\n" + s.sql() + "\nGO\n")
                .collect(Collectors.joining("\n"));
    }

    /** The primary's backup file as the secondary reads it, as the live run does: {@code \\A\F$\MSSQL\Backups\x.bak}. */
    private static String adminShare(String host, String localPath) {
        return "\\\\" + host + "\\" + localPath.charAt(0) + "$" + localPath.substring(2);
    }

    private static String dir(String path) {
        return path.endsWith("\\") ? path : path + "\\";
    }
}
