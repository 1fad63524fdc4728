package com.eceops.runbook.run;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables every run carries. They hold names and references only, never a secret; form
 * field keys use the same names.
 */
public final class RunVariables {

    /** The estate's name: its inventory file in the estates folder. */
    public static final Var<String> ESTATE = Var.string("estate");
    /** rehearsal, plan or live. */
    public static final Var<String> RUN_MODE = Var.string("runMode");
    /** Typed by the person who starts a live run; must equal the estate's name. Not kept. */
    public static final Var<String> CONFIRM_ESTATE_NAME = Var.string("confirmEstateName");
    /** Optional scenario file of faults for a rehearsal. */
    public static final Var<String> LAB_SCENARIO = Var.string("labScenario");
    /**
     * The run's key as the run guard recorded it when the run started: the steps take estate and mode from it,
     * never from what a caller sent. Set only by the guard (people cannot write variables).
     */
    public static final Var<String> RUN_KEY = Var.string("runKey");
    /** ISO-8601 duration between two checks of a timer-and-check loop. */
    public static final Var<String> POLL_INTERVAL = Var.string("pollInterval");
    /** How many checks a loop makes before it escalates to a person. */
    public static final Var<Integer> MAX_POLLS = Var.integer("maxPolls");
    /** NetBIOS names of the two collocated servers, side A first. */
    public static final Var<List<String>> COLLOCATED_SERVERS = Var.listOf("collocatedServers", String.class);
    /** NetBIOS names of the two web servers, side A first. */
    public static final Var<List<String>> WEB_SERVERS = Var.listOf("webServers", String.class);
    /** The server a multi-instance branch works on. */
    public static final Var<String> HOST = Var.string("host");
    /**
     * How many checks a timer-and-check loop has made; the models compare it with {@link #MAX_POLLS}. One name for
     * every loop of every procedure: a loop starts it at 0 before its first check.
     */
    public static final Var<Integer> POLL_COUNT = Var.integer("pollCount");

    private RunVariables() {
    }

    /** Counts one more check of a timer-and-check loop; the checks made so far, this one included. */
    public static int countPoll(VariableScope scope) {
        int polls = POLL_COUNT.orElse(scope, 0) + 1;
        POLL_COUNT.set(scope, polls);
        return polls;
    }
}
