package com.eceops.runbook.procedure.cluster;

import java.util.List;

import com.eceops.runbook.estate.Estate;

/** What the inventory says about the cluster: the nodes (side A first), the CNO and one IP per side. */
public record ClusterPlan(String name, List<String> nodes, List<String> ips, String account) {

    public static ClusterPlan of(Estate estate) {
        return new ClusterPlan(estate.cluster().name(),
                List.of(estate.sideA().collocated().name(), estate.sideB().collocated().name()),
                List.of(estate.cluster().ipsBySide().get(estate.sideA().id()),
                        estate.cluster().ipsBySide().get(estate.sideB().id())),
                estate.domain().netbios() + "\\" + estate.cluster().name() + "$");
    }

    /** Cluster-wide work runs on side A, as the document advises. */
    String sideA() {
        return nodes.get(0);
    }
}
