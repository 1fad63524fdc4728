package com.eceops.runbook.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The domain's DFS namespace root and replication group; null until created. */
class DfsState {
    public Namespace namespace;
    public ReplicationGroup replicationGroup;

    static class Namespace {
        public String root;
        public String mode;
        public Map<String, String> serversLocalPath = new LinkedHashMap<>();
        public Map<String, List<String>> folderTargets = new LinkedHashMap<>();
    }

    static class ReplicationGroup {
        public String name;
        public String folder;
        public List<String> members = new ArrayList<>();
        public String primaryMember;
        public boolean fullMesh;
        public String contentPath;
        public Map<String, Integer> stagingQuotaMb = new LinkedHashMap<>();
    }
}
