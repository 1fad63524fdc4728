package com.eceops.runbook.procedure.dfs;

import com.eceops.runbook.run.Var;

/** The process variables of the DFS section (pre-4). */
public final class DfsVariables {

    /** The files found in the shared directories, one "host: path" a line. */
    public static final Var<String> SHARED_DIRECTORY_FILES = Var.string("sharedDirectoryFiles");
    /** The round of the replication test, 0 to 2, from the multi-instance loop. */
    public static final Var<Integer> LOOP_COUNTER = Var.integer("loopCounter");
    /** What the current round of the replication test expects, for the operator's task. */
    public static final Var<String> REPLICATION_TEST = Var.string("replicationTest");
    public static final Var<Boolean> REPLICATED = Var.bool("replicated");

    static final String NOT_EMPTY = "SharedDirectoriesNotEmpty";

    private DfsVariables() {
    }
}
