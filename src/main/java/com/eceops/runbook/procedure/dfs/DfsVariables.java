package com.eceops.runbook.procedure.dfs;

/** The process variables of the DFS section (pre-4). */
public final class DfsVariables {

    /** The files found in the shared directories, one "host: path" a line. */
    public static final String SHARED_DIRECTORY_FILES = "sharedDirectoryFiles";
    /** The round of the replication test, 0 to 2, from the multi-instance loop. */
    public static final String LOOP_COUNTER = "loopCounter";
    /** What the current round of the replication test expects, for the operator's task. */
    public static final String REPLICATION_TEST = "replicationTest";
    public static final String REPLICATED = "replicated";
    public static final String POLL_COUNT = "pollCount";

    static final String NOT_EMPTY = "SharedDirectoriesNotEmpty";

    private DfsVariables() {
    }
}
