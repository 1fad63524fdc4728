package com.eceops.runbook.technology.sql;

/**
 * Quoting of everything the renderer puts into T-SQL. Every name and value passes through here, so that no
 * inventory value, however odd, can end its quoting and become code.
 */
final class TSql {

    private TSql() {
    }

    /** {@code [name]} with {@code ]} doubled (QUOTENAME's rule); at most 128 characters, as sysname allows. */
    static String name(String identifier) {
        if (identifier == null || identifier.isEmpty() || identifier.length() > 128) {
            throw new IllegalArgumentException("an identifier is 1 to 128 characters: " + identifier);
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an identifier cannot contain NUL");
        }
        return "[" + identifier.replace("]", "]]") + "]";
    }

    /** {@code N'text'} with {@code '} doubled: Unicode, so non-ASCII names survive. */
    static String text(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a string literal needs a value");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a string literal cannot contain NUL");
        }
        return "N'" + value.replace("'", "''") + "'";
    }

    static String number(long value) {
        return Long.toString(value);
    }
}
