package com.eceops.runbook.lab;

import com.eceops.runbook.technology.windows.AccessRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One simulated Windows server. Paths are keyed by {@link LabPaths#key}, case-insensitive as on Windows. */
class HostState {
    public String name;
    public String role;
    public String side;
    public String osCaption;
    public String osVersion;
    public Map<String, Integer> drivesGb = new LinkedHashMap<>();
    public Set<String> features = new LinkedHashSet<>();
    /** Installed, but only in effect after the next restart. */
    public Set<String> featuresPendingRestart = new LinkedHashSet<>();
    public Instant restartingUntil;
    public Map<String, String> directories = new LinkedHashMap<>();
    public Map<String, Share> shares = new LinkedHashMap<>();
    public Map<String, List<AccessRule>> accessRules = new LinkedHashMap<>();
    public Map<String, FileEntry> files = new LinkedHashMap<>();
    public Map<String, ServiceState> services = new LinkedHashMap<>();
    /** Inbound firewall rules by unique name; a new Windows Server lets in none of the ports the runbook adds. */
    public Map<String, FirewallRuleState> firewallRules = new LinkedHashMap<>();

    boolean reachableAt(Instant now) {
        return restartingUntil == null || !now.isBefore(restartingUntil);
    }

    static class FirewallRuleState {
        public String name;
        public String displayName;
        public boolean enabled;
        public int port;
    }

    /** Whether an enabled rule lets inbound TCP to {@code port} in. */
    boolean letsIn(int port) {
        return firewallRules.values().stream().anyMatch(rule -> rule.enabled && rule.port == port);
    }

    static class Share {
        public String name;
        public String path;
        public List<String> fullAccess = new ArrayList<>();
    }

    static class FileEntry {
        public String path;
        public String content;
        public Instant modifiedAt;
        /**
         * For a file that stands for one whose bytes the lab does not hold (a patch archive): the SHA-256 its owner
         * gave, answered instead of the listing's; copies keep it. Null: the hash of {@link #content}.
         */
        public String sha256;
    }
}
