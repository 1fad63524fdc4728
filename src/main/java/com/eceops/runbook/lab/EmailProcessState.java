package com.eceops.runbook.lab;

/** One email process (system partition) or instance (business partition) in the lab. */
class EmailProcessState {
    public String scope;
    public String kind;
    public String name;
    public String startType = "Automatic";
    public String state = "Running";

    static EmailProcessState of(String scope, String kind, String name) {
        EmailProcessState p = new EmailProcessState();
        p.scope = scope;
        p.kind = kind;
        p.name = name;
        return p;
    }
}
