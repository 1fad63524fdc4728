package com.eceops.runbook.estate;

/** The two server roles of the 400-agent HA layout. */
public enum ServerRole {
    /** File server (DFS node), database replica, messaging, application and services. */
    COLLOCATED,
    /** IIS web server only. */
    WEB
}
