package com.eceops.runbook.technology.sql;

/**
 * Where a long statement started detached on a SQL Server stands: the SQL Server Agent job that runs it
 * ({@link DetachedJobs}) and, while it runs, the percent_complete SQL Server reports for it.
 * {@code ABSENT}: no such job, because it was never started or because it succeeded (the job deletes itself on
 * success, @delete_level = 1): the caller tells the two apart from the backup or restore history.
 * {@code FAILED}: the job is kept, and {@code message} holds what its step said (error numbers included).
 */
public record DetachedRun(String job, State state, Integer percentComplete, String message) {

    public enum State { ABSENT, RUNNING, FAILED }

    public static DetachedRun absent(String job) {
        return new DetachedRun(job, State.ABSENT, null, null);
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    public boolean failed() {
        return state == State.FAILED;
    }
}
