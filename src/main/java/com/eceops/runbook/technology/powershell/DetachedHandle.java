package com.eceops.runbook.technology.powershell;

/**
 * A detached command that was started: everything a later poll or clean-up needs, and nothing secret, so it can
 * be kept as a process variable between BPMN timer rounds. {@code runAs} is the account of a task registered
 * with a credential (null for the connected account); {@code planned} marks a command plan mode only recorded.
 */
public record DetachedHandle(String host, String step, String operation, String id, String taskName, String folder,
                             String runAs, boolean planned) {

    public String taskPath() {
        return DetachedScripts.TASK_PATH;
    }
}
