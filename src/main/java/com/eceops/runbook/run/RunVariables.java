package com.eceops.runbook.run;

/**
 * The process variables every run carries. They hold names and references only, never a secret; form
 * field keys use the same names.
 */
public final class RunVariables {

    /** The estate's name: its inventory file in the estates folder. */
    public static final String ESTATE = "estate";
    /** rehearsal, plan or live. */
    public static final String RUN_MODE = "runMode";
    /** Typed by the person who starts a live run; must equal the estate's name. Not kept. */
    public static final String CONFIRM_ESTATE_NAME = "confirmEstateName";
    /** Optional scenario file of faults for a rehearsal. */
    public static final String LAB_SCENARIO = "labScenario";
    /**
     * The run's key as the run guard recorded it when the run started: the steps take estate and mode from it,
     * never from what a caller sent. Set only by the guard (people cannot write variables).
     */
    public static final String RUN_KEY = "runKey";
    /** ISO-8601 duration between two checks of a timer-and-check loop. */
    public static final String POLL_INTERVAL = "pollInterval";
    /** How many checks a loop makes before it escalates to a person. */
    public static final String MAX_POLLS = "maxPolls";
    /** NetBIOS names of the two collocated servers, side A first. */
    public static final String COLLOCATED_SERVERS = "collocatedServers";
    /** NetBIOS names of the two web servers, side A first. */
    public static final String WEB_SERVERS = "webServers";
    /** The server a multi-instance branch works on. */
    public static final String HOST = "host";

    private RunVariables() {
    }
}
