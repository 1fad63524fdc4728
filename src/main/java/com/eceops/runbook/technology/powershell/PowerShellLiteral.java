package com.eceops.runbook.technology.powershell;

import java.util.Collection;
import java.util.stream.Collectors;

import com.eceops.runbook.estate.Secret;

/**
 * Values as PowerShell literals. A single-quoted string expands nothing ({@code $()}, backticks, {@code ;} and
 * newlines are plain text in it); the only way out is a quote character, and PowerShell takes the typographic
 * ones (‘ ’ ‚ ‛) for quotes too. Doubling each quote character keeps it inside the literal.
 */
final class PowerShellLiteral {

    static final String QUOTES = "'\u2018\u2019\u201A\u201B";
    static final String MASKED = "'******'";

    private PowerShellLiteral() {
    }

    static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            // A NUL ends the command line on Windows: nothing after it would be what we rendered.
            throw new IllegalArgumentException("a value for PowerShell cannot contain NUL");
        }
        StringBuilder literal = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            literal.append(c);
            if (QUOTES.indexOf(c) >= 0) {
                literal.append(c);
            }
        }
        return literal.append('\'').toString();
    }

    /**
     * The literal of a parameter value. Secrets render as a mask unless {@code reveal}: the text that is logged,
     * recorded in a plan or put in an exception never carries them.
     */
    static String of(Object value, boolean reveal) {
        if (value instanceof Secret secret) {
            return reveal ? quote(secret.reveal()) : MASKED;
        }
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? "$true" : "$false";
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> of(item, reveal)).collect(Collectors.joining(", ", "@(", ")"));
        }
        throw new IllegalArgumentException("no PowerShell literal for a " + value.getClass().getSimpleName());
    }
}
