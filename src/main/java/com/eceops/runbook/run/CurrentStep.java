package com.eceops.runbook.run;

/**
 * The procedure step the current thread is executing, so that scripts recorded or run deep in an operation
 * can be filed under it without every operation taking the step as a parameter.
 */
public final class CurrentStep {

    private static final ThreadLocal<String> STEP = new ThreadLocal<>();

    private CurrentStep() {
    }

    public static String get() {
        String step = STEP.get();
        return step == null ? "unknown step" : step;
    }

    static void set(String step) {
        STEP.set(step);
    }

    static void clear() {
        STEP.remove();
    }
}
