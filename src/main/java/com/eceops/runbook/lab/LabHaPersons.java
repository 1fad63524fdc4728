package com.eceops.runbook.lab;

import com.eceops.runbook.technology.cluster.ClusterEvent;
import com.eceops.runbook.technology.windows.FeatureInstallResult;
import java.util.List;

/**
 * What people do by hand in preinstallation steps 4 to 6 (DFS, failover cluster, availability group), applied
 * to the lab when their task is completed in a rehearsal. The process checks the result afterwards exactly as
 * on real servers. Manual work that Windows or SQL Server offers an interface for goes through the lab's
 * operations and lands in the ledger like any change; the rest is recorded here as done by hand.
 */
public final class LabHaPersons {

    private static final String CLUSTER_FEATURE = "Failover-Clustering";

    private final RehearsalLab lab;

    LabHaPersons(RehearsalLab lab) {
        this.lab = lab;
    }

    /** pre-4.3: the operator moves whatever lies in the shared directory out of the way (deleted here). */
    public void emptySharedDirectory(String host, String directory) {
        lab.locked(() -> {
            LabContext context = lab.context();
            HostState h = context.host(host);
            List<String> files = h.files.keySet().stream().filter(f -> LabPaths.under(f, directory)).toList();
            if (files.isEmpty()) {
                return;
            }
            context.operation("emptySharedDirectoryByHand");
            files.forEach(h.files::remove);
            context.record(h.name, "directory " + directory, files.size() + " files", "empty");
            lab.save();
        });
    }

    /** pre-4.5: the operator looks into a stuck replication test: work held up on the servers lands now. */
    public void unblockReplication(List<String> hosts) {
        hosts.forEach(lab::completePendingWorkOn);
    }

    /** pre-5.1: the operator installs the Failover Clustering feature where validation found it missing. */
    public void installMissingClusterFeature(List<String> nodes) {
        for (String node : nodes) {
            if (!lab.windows().installedFeatures(node).contains(CLUSTER_FEATURE)) {
                FeatureInstallResult result = lab.windows().installFeatures(node, List.of(CLUSTER_FEATURE));
                if (result.restartNeeded()) {
                    lab.windows().restart(node);
                }
            }
        }
    }

    /**
     * pre-5.2: the person who provisions the witness share creates it. The lab only holds the estate's servers, so
     * a share can only be provisioned on one of them ({@code \\server\share}, placed in {@code C:\<share>}),
     * with Full Control for the cluster's computer account; a path on any other server stays unreachable.
     */
    public void provisionWitnessShare(String uncPath, String clusterAccount) {
        if (uncPath == null || !uncPath.startsWith("\\\\")) {
            return;
        }
        String[] parts = uncPath.substring(2).split("\\\\");
        if (parts.length < 2) {
            return;
        }
        String server = LabContext.shortName(parts[0]);
        boolean estateServer = lab.locked(() -> lab.context().state().hosts.containsKey(server));
        if (!estateServer) {
            return;
        }
        String local = "C:\\" + parts[1];
        lab.windows().ensureDirectory(server, local);
        lab.windows().ensureShare(server, parts[1], local, clusterAccount);
        lab.windows().grantAccess(server, local, clusterAccount, "FullControl");
    }

    /** Something the cluster logs on its own (for rehearsals of pre-5.3 with events that need a look). */
    public void clusterLogs(int eventId, String level, String message) {
        lab.locked(() -> {
            LabContext context = lab.context();
            ClusterLabState cluster = context.state().cluster;
            if (cluster == null) {
                throw context.refuse("-", "there is no cluster to log events");
            }
            cluster.events.add(new ClusterEvent(context.now(), eventId, level, message));
            lab.save();
        });
    }

    /**
     * pre-6.5: the DBA fails the availability group over to the other replica and back, from the dashboard; a lab
     * where both failovers were done already is left alone (the DBA confirms an earlier test).
     */
    public void testFailoverBothWays(String availabilityGroup) {
        if (lab.ledger().stream().filter(e -> e.operation().equals("failover")).count() >= 2) {
            return;
        }
        var state = lab.sql().readAvailabilityGroup(lab.estate().sideA().collocated().name(), availabilityGroup);
        String primary = state.primary();
        String other = state.replicas().stream().map(r -> r.host()).filter(h -> !h.equals(primary)).findFirst().orElseThrow();
        lab.sql().failover(other, availabilityGroup);
        lab.sql().failover(primary, availabilityGroup);
    }
}
