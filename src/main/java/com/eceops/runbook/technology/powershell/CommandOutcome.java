package com.eceops.runbook.technology.powershell;

/** What a finished command left: its exit code and both streams, stderr already freed of CLIXML noise. */
record CommandOutcome(int exitCode, String stdout, String stderr) {

    /** The last characters of the output, where PowerShell puts the error that stopped a script. */
    String tail(int characters) {
        String all = (stdout.strip() + (stderr.isBlank() ? "" : "\n" + stderr.strip())).strip();
        return all.length() <= characters ? all : "…" + all.substring(all.length() - characters);
    }
}
