package com.eceops.runbook.technology.powershell;

/** What a poll of a detached command found. */
public sealed interface DetachedStatus {

    /** Still running (or queued, or about to start): poll again later. */
    record Running(String taskState) implements DetachedStatus {
    }

    /** The payload ended with this exit code; {@code outputTail} is the end of its output, secrets masked. */
    record Finished(int exitCode, String stdoutTail, String stderrTail) implements DetachedStatus {

        public boolean succeeded() {
            return exitCode == 0 && stderrTail.isBlank();
        }

        public String outputTail() {
            return (stdoutTail.strip() + (stderrTail.isBlank() ? "" : "\n" + stderrTail.strip())).strip();
        }
    }

    /** The task is no longer running and left no exit code (killed, removed, the server restarted). */
    record Lost(String reason) implements DetachedStatus {
    }
}
