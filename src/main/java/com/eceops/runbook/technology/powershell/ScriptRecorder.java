package com.eceops.runbook.technology.powershell;

/**
 * Receives every script that changes a server, per host and procedure step. In plan mode the script is only
 * recorded; change boards read the result before a window. Scripts arrive with secrets masked.
 */
public interface ScriptRecorder {

    void record(String host, String step, String operation, String shownScript);

    /**
     * A change a live run would refuse before sending it ({@code why}), recorded by a plan so that the change board
     * sees what to fix; the plan run goes on as if the change had been made.
     */
    default void refused(String host, String step, String operation, String why, String shownScript) {
        record(host, step, operation + " (REFUSED in a live run: " + why + ")", shownScript);
    }

    /** Records nothing: the default when a run executes. */
    ScriptRecorder NONE = (host, step, operation, script) -> { };
}
