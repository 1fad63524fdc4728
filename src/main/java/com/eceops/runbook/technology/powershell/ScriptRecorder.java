package com.eceops.runbook.technology.powershell;

/**
 * Receives every script that changes a server, per host and procedure step. In plan mode the script is only
 * recorded; change boards read the result before a window. Scripts arrive with secrets masked.
 */
public interface ScriptRecorder {

    void record(String host, String step, String operation, String shownScript);

    /** Records nothing: the default when a run executes. */
    ScriptRecorder NONE = (host, step, operation, script) -> { };
}
