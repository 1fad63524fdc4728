package com.eceops.runbook.estate;

import java.util.List;
import java.util.Optional;

/**
 * One ECE HA deployment as its inventory describes it: two sides, each with a collocated server and a web
 * server, and the logical resources that span them (cluster, availability group, DFS namespace).
 * Instances are only ever built from an inventory that passed {@link EstateValidator}.
 */
public record Estate(
        String name,
        String description,
        boolean live,
        Domain domain,
        Side sideA,
        Side sideB,
        Cluster cluster,
        AvailabilityGroup availabilityGroup,
        EceDatabases databases,
        Paths paths,
        Dfs dfs,
        Accounts accounts,
        Ece ece,
        LoadBalancer loadBalancer,
        List<PatchWindow> patchWindows,
        Optional<SqlConnectionProfile> sqlConnection,
        PatchStepEstimates patchStepEstimates) {

    public Estate {
        patchStepEstimates = patchStepEstimates == null ? PatchStepEstimates.DEFAULTS : patchStepEstimates;
    }

    /** An estate with the default patch step estimates. */
    public Estate(String name, String description, boolean live, Domain domain, Side sideA, Side sideB,
                  Cluster cluster, AvailabilityGroup availabilityGroup, EceDatabases databases, Paths paths, Dfs dfs,
                  Accounts accounts, Ece ece, LoadBalancer loadBalancer, List<PatchWindow> patchWindows,
                  Optional<SqlConnectionProfile> sqlConnection) {
        this(name, description, live, domain, sideA, sideB, cluster, availabilityGroup, databases, paths, dfs,
                accounts, ece, loadBalancer, patchWindows, sqlConnection, PatchStepEstimates.DEFAULTS);
    }

    /** An estate without a {@code sqlServer.connection} profile (the rehearsal lab needs none). */
    public Estate(String name, String description, boolean live, Domain domain, Side sideA, Side sideB,
                  Cluster cluster, AvailabilityGroup availabilityGroup, EceDatabases databases, Paths paths, Dfs dfs,
                  Accounts accounts, Ece ece, LoadBalancer loadBalancer, List<PatchWindow> patchWindows) {
        this(name, description, live, domain, sideA, sideB, cluster, availabilityGroup, databases, paths, dfs,
                accounts, ece, loadBalancer, patchWindows, Optional.empty());
    }

    public List<Side> sides() {
        return List.of(sideA, sideB);
    }

    public List<Server> collocatedServers() {
        return List.of(sideA.collocated(), sideB.collocated());
    }

    public List<Server> webServers() {
        return List.of(sideA.web(), sideB.web());
    }

    public List<Server> allServers() {
        return List.of(sideA.collocated(), sideA.web(), sideB.collocated(), sideB.web());
    }

    public Optional<Server> server(String name) {
        return allServers().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    public String fqdn(String shortName) {
        return shortName + "." + domain.fqdn();
    }
}
