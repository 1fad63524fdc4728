package com.eceops.runbook.technology.ece;

import java.util.Map;
import java.util.Set;

/**
 * One run of ECE setup: the components chosen and the answers given. Known setting keys are the constants
 * here; the lab checks those the procedure cares about.
 */
public record SetupRun(Set<EceComponent> components, Map<String, String> settings) {

    public static final String DFS_PATH = "dfsPath";
    public static final String ECE_HOME = "eceHome";
    public static final String DATABASE_SERVER = "databaseServer";
    public static final String DATABASE_PORT = "databasePort";
    public static final String AUTHENTICATION = "authentication";
    public static final String APPLICATION_SERVER = "applicationServer";
    public static final String CONTEXT_ROOT = "contextRoot";
    public static final String PARTITION = "partition";
}
