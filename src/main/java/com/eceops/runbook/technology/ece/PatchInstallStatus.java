package com.eceops.runbook.technology.ece;

/** A poll of a detached patch installer: still running, or ended with an exit code and the tail of its output. */
public record PatchInstallStatus(State state, int exitCode, String outputTail) {

    public enum State { NOT_STARTED, RUNNING, FINISHED }

    public static PatchInstallStatus running() {
        return new PatchInstallStatus(State.RUNNING, 0, "");
    }

    public boolean succeeded() {
        return state == State.FINISHED && exitCode == 0;
    }
}
