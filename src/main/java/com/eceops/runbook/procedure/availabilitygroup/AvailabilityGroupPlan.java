package com.eceops.runbook.procedure.availabilitygroup;

import java.util.List;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.technology.sql.AvailabilityGroupSpec;
import com.eceops.runbook.technology.sql.ListenerSpec;
import com.eceops.runbook.technology.windows.FirewallRule;

/**
 * The availability group as the inventory and the document describe it: named after the SQL CNO, side A as the
 * first primary (the document's tip), both replicas synchronous and readable, backups on any replica, database
 * level health detection off, the seeding database AGTemp backed up in the backup directory and copied to the same
 * directory on the secondary, where it is restored.
 */
public record AvailabilityGroupPlan(String name, String primary, String secondary, String seedingDatabase, String fullBackup,
                             String logBackup, int endpointPort,
                             String sqlServiceAccount, ListenerSpec listener, String networkNameResource,
                             AvailabilityGroupSpec spec) {

    public static AvailabilityGroupPlan of(Estate estate) {
        var ag = estate.availabilityGroup();
        String a = estate.sideA().collocated().name();
        String b = estate.sideB().collocated().name();
        String db = estate.databases().seedingDatabase();
        String backups = estate.paths().sqlBackups();
        String full = backups + "\\" + db + ".bak";
        String log = backups + "\\" + db + ".trn";
        ListenerSpec listener = new ListenerSpec(ag.listenerName(), List.of(ag.listenerIpsBySide().get(estate.sideA().id()),
                ag.listenerIpsBySide().get(estate.sideB().id())), ag.listenerPort());
        AvailabilityGroupSpec spec = new AvailabilityGroupSpec(ag.name(), List.of(
                new AvailabilityGroupSpec.Replica(a, endpoint(estate, a, ag.endpointPort()), true, true),
                new AvailabilityGroupSpec.Replica(b, endpoint(estate, b, ag.endpointPort()), true, true)),
                "ANY_REPLICA", false, List.of(db));
        return new AvailabilityGroupPlan(ag.name(), a, b, db, full, log, ag.endpointPort(), estate.domain().netbios() + "\\" + estate.accounts().sqlService().name(), listener,
                ag.name() + "_" + ag.listenerName(), spec);
    }

    /**
     * pre-6.3's inbound rules on both replicas: the database mirroring endpoint (data movement between the replicas)
     * and the listener (ECE and the runbook reach the primary through it). Named so the runbook finds its own rules.
     */
    List<FirewallRule> firewallRules() {
        return List.of(new FirewallRule("EceRunbook-HadrEndpoint", "SQL Server availability group endpoint (TCP " + endpointPort + ")",
                        endpointPort),
                new FirewallRule("EceRunbook-AgListener", "SQL Server availability group listener (TCP " + listener.port() + ")",
                        listener.port()));
    }

    /** AGTemp's backups, at the same path on both replicas once pre-6.3 copied them. */
    List<String> seedingBackups() {
        return List.of(fullBackup, logBackup);
    }

    List<String> replicas() {
        return List.of(primary, secondary);
    }

    private static String endpoint(Estate estate, String host, int port) {
        return "TCP://" + estate.fqdn(host) + ":" + port;
    }
}
