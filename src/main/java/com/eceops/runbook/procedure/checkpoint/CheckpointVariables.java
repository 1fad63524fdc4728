package com.eceops.runbook.procedure.checkpoint;

import com.eceops.runbook.run.Var;

/** The process variables of the configuration checkpoint; its forms show them. */
final class CheckpointVariables {

    /** One line per checkpoint item, ticked or not, with what was found. */
    static final Var<String> SUMMARY = Var.string("checkpointSummary");
    static final Var<Boolean> PASSED = Var.bool("checkpointPassed");

    private CheckpointVariables() {
    }
}
