package com.eceops.runbook.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The availability group once created. */
class AgLabState {
    public String name;
    public String backupPreference;
    public boolean databaseHealthDetection;
    public Map<String, Replica> replicas = new LinkedHashMap<>();
    public List<String> databases = new ArrayList<>();
    public String listenerName;
    public List<String> listenerIps = new ArrayList<>();
    public int listenerPort;

    String primary() {
        return replicas.values().stream().filter(r -> "PRIMARY".equals(r.role)).map(r -> r.host).findFirst().orElse(null);
    }

    static class Replica {
        public String host;
        public String endpointUrl;
        public String role;
        public boolean joined;
        public boolean synchronousCommit;
        public boolean readableSecondary;
    }
}
