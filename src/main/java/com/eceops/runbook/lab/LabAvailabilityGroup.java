package com.eceops.runbook.lab;

import com.eceops.runbook.estate.Side;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.technology.sql.AvailabilityGroupSpec;
import com.eceops.runbook.technology.sql.AvailabilityGroupState;
import com.eceops.runbook.technology.sql.AvailabilityGroupState.DatabaseReplicaState;
import com.eceops.runbook.technology.sql.AvailabilityGroupState.ReplicaState;
import com.eceops.runbook.technology.sql.ListenerSpec;
import com.eceops.runbook.technology.sql.SqlServerFacts;
import java.util.ArrayList;
import java.util.List;

/** The simulated availability group: creation, listener, joins, failover and its dashboard. */
final class LabAvailabilityGroup {

    private static final String SSISDB = "SSISDB";

    private final LabContext lab;
    private final LabSqlServer sql;

    LabAvailabilityGroup(LabContext lab, LabSqlServer sql) {
        this.lab = lab;
        this.sql = sql;
    }

    Change create(String host, AvailabilityGroupSpec spec) {
        SqlInstanceState primary = sql.instance(host);
        AgLabState existing = lab.state().availabilityGroup;
        if (existing != null) {
            if (existing.name.equalsIgnoreCase(spec.name())) {
                return LabContext.unchanged("availability group " + spec.name(), "replicas " + existing.replicas.keySet());
            }
            throw lab.refuse(primary.host, "the lab holds one availability group and " + existing.name + " exists");
        }
        ClusterLabState cluster = lab.state().cluster;
        if (cluster == null) {
            throw lab.refuse(primary.host, "an availability group needs the failover cluster (pre-5.1)");
        }
        if (spec.replicas().stream().noneMatch(r -> LabContext.key(r.host()).equals(primary.host))) {
            throw lab.refuse(primary.host, "the instance creating the group must be one of its replicas");
        }
        for (AvailabilityGroupSpec.Replica replica : spec.replicas()) {
            requireReadyReplica(primary.host, LabContext.key(replica.host()), replica.endpointUrl(), cluster);
        }
        if (spec.databases().size() > 1 && anyStandardEdition(spec.replicas().stream().map(r -> LabContext.key(r.host())).toList())) {
            throw lab.refuse(primary.host, "Standard Edition allows only one database in an availability group (sys-4)");
        }
        for (String database : spec.databases()) {
            requireJoinableOnPrimary(primary, database);
        }
        AgLabState ag = new AgLabState();
        ag.name = spec.name();
        ag.backupPreference = spec.backupPreference();
        ag.databaseHealthDetection = spec.databaseHealthDetection();
        for (AvailabilityGroupSpec.Replica r : spec.replicas()) {
            AgLabState.Replica replica = new AgLabState.Replica();
            replica.host = LabContext.key(r.host());
            replica.endpointUrl = r.endpointUrl();
            replica.synchronousCommit = r.synchronousCommit();
            replica.readableSecondary = r.readableSecondary();
            replica.role = replica.host.equals(primary.host) ? "PRIMARY" : "SECONDARY";
            replica.joined = replica.host.equals(primary.host);
            ag.replicas.put(replica.host, replica);
        }
        for (String database : spec.databases()) {
            ag.databases.add(database);
            markJoined(sql.database(primary, database));
        }
        lab.state().availabilityGroup = ag;
        LabCluster.addResource(cluster, ag.name, ag.name, "SQL Server Availability Group", "Online");
        return lab.record(primary.host, "availability group " + ag.name, "absent",
                "primary " + primary.host + ", replicas " + ag.replicas.keySet() + ", databases " + ag.databases);
    }

    private void requireReadyReplica(String on, String host, String endpointUrl, ClusterLabState cluster) {
        if (!cluster.nodes.contains(host)) {
            throw lab.refuse(on, host + " is not a node of cluster " + cluster.name);
        }
        SqlInstanceState replica = sql.instance(host);
        if (!replica.hadrEnabled) {
            throw lab.refuse(on, "AlwaysOn availability groups are not enabled on " + host + " (pre-6.1)");
        }
        if (!replica.hadrActive) {
            throw lab.refuse(on, "AlwaysOn is enabled on " + host + " but the SQL service was not restarted since (pre-6.1)");
        }
        if (replica.endpointPort == null || !endpointUrl.endsWith(":" + replica.endpointPort)) {
            throw lab.refuse(on, "no HADR endpoint on " + host + " answers " + endpointUrl);
        }
    }

    private boolean anyStandardEdition(List<String> hosts) {
        return hosts.stream().map(h -> lab.state().sql.get(h))
                .anyMatch(s -> !new SqlServerFacts(s.host, s.edition, s.productVersion, s.instanceName, false).allowsManyDatabasesPerGroup());
    }

    private void requireJoinableOnPrimary(SqlInstanceState primary, String database) {
        if (database.equalsIgnoreCase(SSISDB)) {
            throw lab.refuse(primary.host, "SSISDB must not be added to the availability group (post-5)");
        }
        SqlInstanceState.Database db = sql.database(primary, database);
        if (!"ONLINE".equals(db.state)) {
            throw lab.refuse(primary.host, database + " is " + db.state + ", not ONLINE");
        }
        if (db.recoveryModel != com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel.FULL) {
            throw lab.refuse(primary.host, database + " is in " + db.recoveryModel + " recovery; a database joins an availability group only in FULL recovery (post-3.1)");
        }
        if (db.lastFullSeq == 0) {
            throw lab.refuse(primary.host, database + " has no full backup; take one before it joins (post-3.2)");
        }
        if (db.lastLogSeq == 0) {
            throw lab.refuse(primary.host, database + " has no log backup; take one before it joins (post-3.3)");
        }
    }

    Change createListener(String host, String agName, ListenerSpec listener) {
        SqlInstanceState primary = sql.instance(host);
        AgLabState ag = existing(primary.host, agName);
        requirePrimary(ag, primary.host);
        if (ag.listenerName != null) {
            if (ag.listenerName.equalsIgnoreCase(listener.name())) {
                return LabContext.unchanged("listener " + listener.name(), ag.listenerIps + ":" + ag.listenerPort);
            }
            throw lab.refuse(primary.host, "availability group " + ag.name + " already has listener " + ag.listenerName);
        }
        for (Side side : lab.estate().sides()) {
            if (listener.ips().stream().filter(ip -> side.subnet().contains(ip)).count() != 1) {
                throw lab.refuse(primary.host, "the listener needs one static IP in subnet " + side.subnet().cidr());
            }
        }
        ClusterLabState cluster = lab.state().cluster;
        String ou = lab.estate().domain().organizationalUnit();
        if (!LabActiveDirectory.granted(lab.state(), ou, cluster.name, LabActiveDirectory.CREATE_DELETE_COMPUTERS)) {
            throw lab.refuse(primary.host, "the WSFC cluster could not bring the network name " + listener.name()
                    + " online: the cluster name object " + cluster.name + " may not create computer objects in " + ou + " (pre-2.4)");
        }
        ag.listenerName = listener.name();
        ag.listenerIps = new ArrayList<>(listener.ips());
        ag.listenerPort = listener.port();
        ClusterLabState.Resource name = LabCluster.addResource(cluster, ag.name + "_" + listener.name(), ag.name, "Network Name", "Online");
        name.parameters.put("HostRecordTTL", "1200");
        name.parameters.put("RegisterAllProvidersIP", "1");
        String primarySide = lab.estate().server(primary.host).map(s -> s.side()).orElse("a");
        for (String ip : listener.ips()) {
            boolean local = lab.estate().sides().stream().anyMatch(s -> s.id().equals(primarySide) && s.subnet().contains(ip));
            LabCluster.addResource(cluster, ag.name + "_" + ip, ag.name, "IP Address", local ? "Online" : "Offline");
        }
        AdState.AdObject computer = new AdState.AdObject();
        computer.name = listener.name();
        computer.kind = com.eceops.runbook.technology.activedirectory.DirectoryObject.Kind.COMPUTER;
        computer.distinguishedName = "CN=" + listener.name() + "," + ou;
        computer.enabled = true;
        lab.state().activeDirectory.objects.putIfAbsent(LabContext.key(listener.name()), computer);
        return lab.record(primary.host, "listener " + listener.name(), "absent", listener.ips() + ":" + listener.port());
    }

    Change joinReplica(String host, String agName) {
        SqlInstanceState instance = sql.instance(host);
        AgLabState ag = existing(instance.host, agName);
        AgLabState.Replica replica = replica(ag, instance.host);
        if (replica.joined) {
            return LabContext.unchanged("replica " + instance.host + " of " + ag.name, "joined");
        }
        if (!instance.hadrActive) {
            throw lab.refuse(instance.host, "AlwaysOn is not in effect on " + instance.host + " (enable it and restart the SQL service, pre-6.1)");
        }
        replica.joined = true;
        return lab.record(instance.host, "replica " + instance.host + " of " + ag.name, "not joined", "joined");
    }

    Change addDatabase(String host, String agName, String database) {
        SqlInstanceState primary = sql.instance(host);
        AgLabState ag = existing(primary.host, agName);
        requirePrimary(ag, primary.host);
        if (LabSqlServer.containsIgnoringCase(ag.databases, database)) {
            return LabContext.unchanged("databases of " + ag.name, ag.databases);
        }
        requireJoinableOnPrimary(primary, database);
        if (!ag.databases.isEmpty() && anyStandardEdition(List.copyOf(ag.replicas.keySet()))) {
            throw lab.refuse(primary.host, "Standard Edition allows only one database in an availability group and "
                    + ag.databases + " is in already (sys-4)");
        }
        List<String> before = List.copyOf(ag.databases);
        ag.databases.add(database);
        markJoined(sql.database(primary, database));
        return lab.record(primary.host, "databases of " + ag.name, before, ag.databases);
    }

    Change joinDatabase(String host, String agName, String database) {
        SqlInstanceState secondary = sql.instance(host);
        AgLabState ag = existing(secondary.host, agName);
        AgLabState.Replica replica = replica(ag, secondary.host);
        if ("PRIMARY".equals(replica.role)) {
            throw lab.refuse(secondary.host, "SET HADR AVAILABILITY GROUP runs on a secondary replica; " + secondary.host + " is primary");
        }
        if (!replica.joined) {
            throw lab.refuse(secondary.host, "join the replica " + secondary.host + " to " + ag.name + " first");
        }
        if (!LabSqlServer.containsIgnoringCase(ag.databases, database)) {
            throw lab.refuse(secondary.host, database + " is not in availability group " + ag.name + "; add it on the primary first");
        }
        SqlInstanceState.Database db = secondary.databases.get(LabContext.key(database));
        if (db == null) {
            throw lab.refuse(secondary.host, database + " does not exist here; restore it WITH NORECOVERY first (post-4)");
        }
        if (db.inAvailabilityGroup) {
            return LabContext.unchanged(database + " on " + secondary.host, "joined to " + ag.name);
        }
        if (!"RESTORING".equals(db.state)) {
            throw lab.refuse(secondary.host, database + " is " + db.state + "; the secondary copy must be restored WITH NORECOVERY (post-4)");
        }
        if (db.restoredLogSeq == 0) {
            throw lab.refuse(secondary.host, database + " needs its log backup restored WITH NORECOVERY before it joins (post-4)");
        }
        SqlInstanceState primary = lab.state().sql.get(ag.primary());
        for (SqlInstanceState replicaInstance : List.of(primary, secondary)) {
            HostState replicaHost = lab.host(replicaInstance.host);
            if (replicaInstance.endpointPort != null && !replicaHost.letsIn(replicaInstance.endpointPort)) {
                // The replicas move data over their mirroring endpoints; Windows Firewall drops the connection.
                throw lab.refuse(secondary.host, "Msg 35250: the connection to the primary replica is not active; the"
                        + " command cannot be processed. Windows Firewall on " + replicaInstance.host + " does not let in"
                        + " TCP " + replicaInstance.endpointPort + ", the database mirroring endpoint (pre-6.3: open the"
                        + " endpoint and listener ports on both servers)");
            }
        }
        SqlInstanceState.Database onPrimary = primary.databases.get(LabContext.key(database));
        var logJob = sql.enabledLogBackupJob(primary, database);
        if (logJob.isPresent()) {
            // The job backs up the log every minute, and a seeding (backups, copy, restores) never fits in one:
            // by now the primary's log chain has moved past the log backup this copy was restored from.
            throw lab.refuse(secondary.host, "Msg 1478: the secondary copy of " + database + " has insufficient transaction"
                    + " log data to preserve the log backup chain: the log backup job '" + logJob.get().name() + "' on "
                    + primary.host + " kept backing up its log while the copy was seeded. Disable the job on both"
                    + " replicas before the databases leave the group, and enable it once they have joined again");
        }
        if (onPrimary != null && db.restoredLogSeq < onPrimary.lastLogSeq) {
            throw lab.refuse(secondary.host, "the remote copy of " + database + " has not been rolled forward far enough:"
                    + " restore the primary's latest log backup WITH NORECOVERY");
        }
        markJoined(db);
        db.state = replica.readableSecondary ? "ONLINE" : "RESTORING";
        if (onPrimary != null) {
            db.schemaVersion = onPrimary.schemaVersion;
        }
        return lab.record(secondary.host, database + " on " + secondary.host, "RESTORING", "joined to " + ag.name);
    }

    Change removeDatabase(String host, String agName, String database) {
        SqlInstanceState primary = sql.instance(host);
        AgLabState ag = existing(primary.host, agName);
        requirePrimary(ag, primary.host);
        if (!LabSqlServer.containsIgnoringCase(ag.databases, database)) {
            return LabContext.unchanged("databases of " + ag.name, ag.databases);
        }
        List<String> before = List.copyOf(ag.databases);
        ag.databases.removeIf(d -> d.equalsIgnoreCase(database));
        for (String replicaHost : ag.replicas.keySet()) {
            SqlInstanceState.Database db = lab.state().sql.get(replicaHost).databases.get(LabContext.key(database));
            if (db != null) {
                db.inAvailabilityGroup = false;
                db.joinedAt = null;
                db.state = replicaHost.equals(primary.host) ? "ONLINE" : "RESTORING";
            }
        }
        return lab.record(primary.host, "databases of " + ag.name, before, ag.databases);
    }

    Change failover(String host, String agName) {
        SqlInstanceState target = sql.instance(host);
        AgLabState ag = existing(target.host, agName);
        AgLabState.Replica replica = replica(ag, target.host);
        if ("PRIMARY".equals(replica.role)) {
            return LabContext.unchanged("primary of " + ag.name, target.host);
        }
        AvailabilityGroupState state = read(host, agName);
        List<String> notSynchronized = state.databases().stream()
                .filter(d -> !"SYNCHRONIZED".equals(d.synchronizationState())).map(d -> d.database() + "@" + d.host() + " " + d.synchronizationState()).toList();
        if (!replica.joined || !replica.synchronousCommit || !notSynchronized.isEmpty()) {
            throw lab.refuse(target.host, "a failover now would lose data: " + (replica.joined ? notSynchronized : "replica not joined"));
        }
        String before = ag.primary();
        ag.replicas.values().forEach(r -> r.role = r.host.equals(target.host) ? "PRIMARY" : "SECONDARY");
        for (AgLabState.Replica r : ag.replicas.values()) {
            for (String database : ag.databases) {
                SqlInstanceState.Database db = lab.state().sql.get(r.host).databases.get(LabContext.key(database));
                db.state = "PRIMARY".equals(r.role) || r.readableSecondary ? "ONLINE" : "RESTORING";
            }
        }
        ClusterLabState cluster = lab.state().cluster;
        String side = lab.estate().server(target.host).map(s -> s.side()).orElse("a");
        Side targetSide = lab.estate().sides().stream().filter(s -> s.id().equals(side)).findFirst().orElseThrow();
        cluster.resources.values().stream().filter(r -> r.group.equalsIgnoreCase(ag.name) && "IP Address".equals(r.type))
                .forEach(r -> r.state = targetSide.subnet().contains(r.name.substring(r.name.lastIndexOf('_') + 1)) ? "Online" : "Offline");
        return lab.record(target.host, "primary of " + ag.name, before, target.host);
    }

    AvailabilityGroupState read(String host, String agName) {
        sql.instance(host);
        AgLabState ag = lab.state().availabilityGroup;
        if (ag == null || !ag.name.equalsIgnoreCase(agName)) {
            return new AvailabilityGroupState(agName, false, null, List.of(), List.of());
        }
        List<DatabaseReplicaState> databases = new ArrayList<>();
        List<ReplicaState> replicas = new ArrayList<>();
        for (AgLabState.Replica r : ag.replicas.values()) {
            boolean answering = sql.isAnswering(r.host);
            List<String> states = new ArrayList<>();
            for (String database : ag.databases) {
                String syncState = synchronizationState(r, database, answering);
                states.add(syncState);
                databases.add(new DatabaseReplicaState(database, r.host, syncState,
                        "SYNCHRONIZED".equals(syncState) ? "HEALTHY" : "SYNCHRONIZING".equals(syncState) ? "PARTIALLY_HEALTHY" : "NOT_HEALTHY"));
            }
            String health = !answering || !r.joined || states.contains("NOT_JOINED") || states.contains("NOT_SYNCHRONIZING")
                    ? "NOT_HEALTHY" : states.contains("SYNCHRONIZING") ? "PARTIALLY_HEALTHY" : "HEALTHY";
            replicas.add(new ReplicaState(r.host, r.role, r.joined, health));
        }
        return new AvailabilityGroupState(ag.name, true, ag.listenerName, replicas, databases);
    }

    private String synchronizationState(AgLabState.Replica r, String database, boolean answering) {
        if (!answering) {
            return "NOT_SYNCHRONIZING";
        }
        SqlInstanceState.Database db = lab.state().sql.get(r.host).databases.get(LabContext.key(database));
        if (db == null || !db.inAvailabilityGroup) {
            return "NOT_JOINED";
        }
        if ("PRIMARY".equals(r.role)) {
            return "SYNCHRONIZED";
        }
        return db.joinedAt.plus(lab.durations().agSynchronization()).isAfter(lab.now()) ? "SYNCHRONIZING" : "SYNCHRONIZED";
    }

    private void markJoined(SqlInstanceState.Database db) {
        db.inAvailabilityGroup = true;
        db.joinedAt = lab.now();
    }

    private AgLabState existing(String host, String agName) {
        AgLabState ag = lab.state().availabilityGroup;
        if (ag == null || !ag.name.equalsIgnoreCase(agName)) {
            throw lab.refuse(host, "no availability group " + agName + " (pre-6.3)");
        }
        return ag;
    }

    private AgLabState.Replica replica(AgLabState ag, String host) {
        AgLabState.Replica replica = ag.replicas.get(host);
        if (replica == null) {
            throw lab.refuse(host, host + " is not a replica of " + ag.name);
        }
        return replica;
    }

    private void requirePrimary(AgLabState ag, String host) {
        if (!host.equals(ag.primary())) {
            throw lab.refuse(host, "this runs on the primary replica of " + ag.name + ", which is " + ag.primary());
        }
    }
}
