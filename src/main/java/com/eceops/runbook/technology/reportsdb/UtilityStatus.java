package com.eceops.runbook.technology.reportsdb;

/** What a look at a utility run found. */
public sealed interface UtilityStatus {

    /** Still running: look again later. */
    record Running() implements UtilityStatus {
    }

    /** The batch file ended; its exit code and the end of its console output (secrets masked). */
    record Finished(int exitCode, String outputTail) implements UtilityStatus {
    }

    /** It ended without an exit code (stopped, the server restarted). */
    record Lost(String reason) implements UtilityStatus {
    }
}
