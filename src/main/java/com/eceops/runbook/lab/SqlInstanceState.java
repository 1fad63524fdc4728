package com.eceops.runbook.lab;

import com.eceops.runbook.technology.sql.AgentJob;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One simulated SQL Server instance on a collocated server. */
class SqlInstanceState {
    public String host;
    public String instanceName;
    public String edition;
    public String productVersion;
    /** Configured by enableAlwaysOn... */
    public boolean hadrEnabled;
    /** ...and in effect only once the service restarted. */
    public boolean hadrActive;
    public Instant restartingUntil;
    public Integer endpointPort;
    public Set<String> endpointConnect = new LinkedHashSet<>();
    public Map<String, Database> databases = new LinkedHashMap<>();
    public Map<String, AgentJob> agentJobs = new LinkedHashMap<>();
    /** The Agent jobs (keys of {@link #agentJobs}) whose schedule is switched off (sp_update_job @enabled = 0). */
    public Set<String> disabledAgentJobs = new LinkedHashSet<>();
    /** post-8: the SSISDB procedures the SSIS cleanup job's user may execute. */
    public Set<String> ssisCleanupGrants = new LinkedHashSet<>();
    /** Agent jobs running a long BACKUP/RESTORE detached (patch-2.1, rollback), by job name. */
    public Map<String, DetachedJob> detachedJobs = new LinkedHashMap<>();

    boolean answeringAt(Instant now) {
        return restartingUntil == null || !now.isBefore(restartingUntil);
    }

    static class Database {
        public String name;
        public String state = "ONLINE";
        public RecoveryModel recoveryModel = RecoveryModel.SIMPLE;
        public long lastFullSeq;
        public long lastLogSeq;
        public Instant lastFullAt;
        public Instant lastLogAt;
        /** The backup a restored copy came from ({@code host/database/sequence}) and the last log applied. */
        public String restoredFrom;
        public long restoredFullSeq;
        public long restoredLogSeq;
        public Instant restoredAt;
        public boolean inAvailabilityGroup;
        public Instant joinedAt;
        /**
         * What the database holds, as a version: "base" after ECE setup, raised by a patch's database upgrade
         * (LabHandwork#upgradeEceDatabases), carried by backups and brought back by a restore.
         */
        public String schemaVersion = "base";
        /** Sessions using the database (ECE's connections); a RESTORE over it needs them gone (error 3101). */
        public int sessions;
        /** When the restore that made this copy read its backup, the backup set's LSNs (restorehistory). */
        public String restoredFirstLsn;
        public String restoredLastLsn;
        public String restoredPath;
    }

    /** An Agent job of one T-SQL step started with sp_start_job; it deletes itself on success. */
    static class DetachedJob {
        public String name;
        public String kind;
        public String database;
        public String path;
        public int position = 1;
        public Instant finishesAt;
        public boolean failed;
        public String message;
    }
}
