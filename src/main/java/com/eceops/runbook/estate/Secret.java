package com.eceops.runbook.estate;

/**
 * A resolved secret. It prints as {@code ******} wherever it ends up (logs, exception messages, process
 * variables' toString), so that only a deliberate {@link #reveal()} shows it.
 */
public final class Secret {

    private final char[] value;

    public Secret(char[] value) {
        this.value = value.clone();
        SecretMasker.remember(new String(value));
    }

    /** The secret itself, for the one call that needs it (a password option, a JDBC property). */
    public String reveal() {
        return new String(value);
    }

    @Override
    public String toString() {
        return "******";
    }
}
