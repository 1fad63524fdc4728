package com.eceops.runbook.technology.cluster;

/** A cluster resource: its group, type and state (Online, Offline, Failed). */
public record ResourceState(String name, boolean exists, String group, String type, String state) {

    public boolean online() {
        return "Online".equals(state);
    }
}
