package com.eceops.runbook.lab;

import com.eceops.runbook.technology.cluster.ClusterEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The failover cluster once created: nodes, IPs, quorum, resources and events. */
class ClusterLabState {
    public String name;
    public List<String> nodes = new ArrayList<>();
    public List<String> ips = new ArrayList<>();
    public String quorumType = "NodeMajority";
    public String witnessPath;
    public Map<String, Resource> resources = new LinkedHashMap<>();
    public List<ClusterEvent> events = new ArrayList<>();

    static class Resource {
        public String name;
        public String group;
        public String type;
        public String state;
        public Map<String, String> parameters = new LinkedHashMap<>();
    }
}
