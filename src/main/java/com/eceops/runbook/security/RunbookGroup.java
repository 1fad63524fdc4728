package com.eceops.runbook.security;

/** The people who work the runbook, as Camunda groups created at start-up. */
public enum RunbookGroup {
    OPERATORS("operators", "Operators", "Operator tasks"),
    DBAS("dbas", "Database administrators", "DBA tasks"),
    DOMAIN_ADMINS("domain-admins", "Domain administrators", "Domain admin tasks"),
    CHANGE_MANAGERS("change-managers", "Change managers", "Change approvals"),
    MANAGERS("managers", "Managers (read-only)", "All open tasks (read-only)");

    private final String id;
    private final String displayName;
    private final String filterName;

    RunbookGroup(String id, String displayName, String filterName) {
        this.id = id;
        this.displayName = displayName;
        this.filterName = filterName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String filterName() {
        return filterName;
    }
}
