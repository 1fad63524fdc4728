package com.eceops.runbook.estate;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * How one scalar of the inventory is read. We read the scalar's own text rather than SnakeYAML's resolved
 * value: YAML 1.1 would turn {@code 22:00} into 1320 and {@code yes} into true behind the author's back.
 * A parse failure throws {@link IllegalArgumentException} whose message is shown to the author.
 */
@FunctionalInterface
interface ScalarType<T> {

    T parse(ScalarNode node);

    ScalarType<String> TEXT = ScalarNode::getValue;

    ScalarType<Integer> INTEGER = node -> {
        String text = plain(node, "a whole number");
        if (!text.matches("-?\\d{1,9}")) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        return Integer.parseInt(text);
    };

    /** Only true or false: the flag that lets the runbook touch real servers must not be guessed. */
    ScalarType<Boolean> BOOLEAN = node -> {
        String text = plain(node, "true or false");
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("'" + text + "' is not true or false");
    };

    ScalarType<CredentialRef> CREDENTIAL = node -> {
        if (!CredentialRef.VALID.matcher(node.getValue()).matches()) {
            throw new IllegalArgumentException("'" + node.getValue()
                    + "' is not a credential reference (lower-case letters, digits and dashes, such as sql-service)");
        }
        return new CredentialRef(node.getValue());
    };

    ScalarType<Subnet> SUBNET = node -> Subnet.parse(node.getValue());

    ScalarType<Character> DRIVE_LETTER = node -> {
        String text = node.getValue();
        if (!text.matches("[A-Za-z]")) {
            throw new IllegalArgumentException("'" + text + "' is not a drive letter (a single letter such as E)");
        }
        return Character.toUpperCase(text.charAt(0));
    };

    ScalarType<DayOfWeek> DAY = node -> {
        try {
            return DayOfWeek.valueOf(node.getValue().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + node.getValue() + "' is not a day of the week (MONDAY .. SUNDAY)");
        }
    };

    ScalarType<LocalTime> TIME = node -> {
        String text = node.getValue();
        if (text.matches("\\d{2}:\\d{2}")) {
            try {
                return LocalTime.parse(text);
            } catch (DateTimeException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a time of day as HH:mm (quote it: \"22:00\")");
    };

    ScalarType<ZoneId> ZONE = node -> {
        try {
            return ZoneId.of(node.getValue());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + node.getValue() + "' is not a time zone (such as Europe/Berlin)");
        }
    };

    /** An ISO-8601 duration such as PT10M, longer than zero and at most a day (patch step estimates). */
    ScalarType<java.time.Duration> DURATION = node -> {
        String text = node.getValue().trim();
        java.time.Duration value;
        try {
            value = java.time.Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as PT10M or PT1H30M");
        }
        if (value.isNegative() || value.isZero() || value.compareTo(PatchStepEstimates.LONGEST) > 0) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero and at most PT24H");
        }
        return value;
    };

    private static String plain(ScalarNode node, String expected) {
        if (!node.isPlain()) {
            throw new IllegalArgumentException("expected " + expected + ", not the quoted text '" + node.getValue() + "'");
        }
        return node.getValue();
    }
}
