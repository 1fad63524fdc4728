package com.eceops.runbook.operations;

/**
 * What a setting operation did: {@code changed} is false when the desired state was already there, and
 * then {@code before} equals {@code after}. Delegates log it; the rehearsal lab's ledger records the same.
 */
public record Change(boolean changed, String before, String after) {

    public static Change none(String state) {
        return new Change(false, state, state);
    }

    public static Change of(String before, String after) {
        return new Change(true, before, after);
    }
}
