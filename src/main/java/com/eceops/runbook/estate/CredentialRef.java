package com.eceops.runbook.estate;

import java.util.regex.Pattern;

/**
 * A reference to a secret kept outside the inventory, such as {@code sql-service}. It is what process
 * variables, forms and logs may hold; the secret itself is only resolved by {@link SecretResolver} at use.
 */
public record CredentialRef(String name) {

    public static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public CredentialRef {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("a credential reference is lower-case letters, digits and dashes: " + name);
        }
    }

    @Override
    public String toString() {
        return "credential:" + name;
    }
}
