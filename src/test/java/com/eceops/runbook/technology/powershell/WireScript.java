package com.eceops.runbook.technology.powershell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script as a server received it, read back into what rendered it: the operation, by the exact text of its fixed
 * body (bodies never hold a value, so a body names its renderer), and the values bound above it, parsed with the
 * grammar {@link PowerShellLiteral} writes. Nothing is guessed: a script whose body is not one the project renders, or
 * whose value block is not exactly a run of {@code $Name = literal} lines, is not recognised.
 */
public record WireScript(String operation, Map<String, Object> parameters) {

    private static final Pattern NAME = Pattern.compile("\\$([A-Z][A-Za-z0-9]*) = ");

    /** The operations the project renders, by body: every script of {@link ScriptCatalog}. */
    public static Map<String, String> knownBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (PowerShellScript script : ScriptCatalog.all(ScriptValues.of(ScriptValues.sampleEstate()))) {
            String body = script.body().endsWith("\n") ? script.body() : script.body() + "\n";
            String earlier = bodies.putIfAbsent(body, script.operation());
            if (earlier != null && !earlier.equals(script.operation())) {
                throw new IllegalStateException("two operations render one body: " + earlier + ", " + script.operation());
            }
        }
        return bodies;
    }

    /** What {@code received} is, if the project renders it: the longest known body it ends with, and its values. */
    public static Optional<WireScript> recognise(String received, Map<String, String> bodies) {
        String text = received;
        int start = text.indexOf(PowerShellScript.PREAMBLE);
        if (start < 0) {
            return Optional.empty();
        }
        String afterPreamble = text.substring(start + PowerShellScript.PREAMBLE.length());
        Optional<WireScript> best = Optional.empty();
        int bestLength = -1;
        for (Map.Entry<String, String> known : bodies.entrySet()) {
            String body = known.getKey();
            if (body.length() > bestLength && afterPreamble.endsWith(body)) {
                Optional<Map<String, Object>> values = values(afterPreamble.substring(0, afterPreamble.length() - body.length()));
                if (values.isPresent()) {
                    best = Optional.of(new WireScript(known.getValue(), values.get()));
                    bestLength = body.length();
                }
            }
        }
        return best;
    }

    public String text(String name) {
        Object value = parameters.get(name);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(operation + ": no text parameter $" + name + " in " + parameters.keySet());
        }
        return text;
    }

    public int number(String name) {
        return ((Number) parameters.get(name)).intValue();
    }

    @SuppressWarnings("unchecked")
    public List<String> texts(String name) {
        return (List<String>) parameters.get(name);
    }

    /** The value block, or empty when it is anything but {@code $Name = literal} lines. */
    static Optional<Map<String, Object>> values(String block) {
        Map<String, Object> values = new LinkedHashMap<>();
        int[] at = {0};
        while (at[0] < block.length()) {
            Matcher name = NAME.matcher(block).region(at[0], block.length());
            if (!name.lookingAt()) {
                return Optional.empty();
            }
            at[0] = name.end();
            Optional<Object> value = literal(block, at);
            if (value.isEmpty() || at[0] >= block.length() || block.charAt(at[0]) != '\n') {
                return Optional.empty();
            }
            at[0]++;
            values.put(name.group(1), value.get());
        }
        return Optional.of(values);
    }

    private static Optional<Object> literal(String text, int[] at) {
        if (text.startsWith("$true", at[0])) {
            at[0] += 5;
            return Optional.of(Boolean.TRUE);
        }
        if (text.startsWith("$false", at[0])) {
            at[0] += 6;
            return Optional.of(Boolean.FALSE);
        }
        if (text.startsWith("@(", at[0])) {
            at[0] += 2;
            List<Object> items = new ArrayList<>();
            while (!text.startsWith(")", at[0])) {
                if (!items.isEmpty()) {
                    if (!text.startsWith(", ", at[0])) {
                        return Optional.empty();
                    }
                    at[0] += 2;
                }
                Optional<Object> item = literal(text, at);
                if (item.isEmpty()) {
                    return Optional.empty();
                }
                items.add(item.get());
            }
            at[0]++;
            return Optional.of(items);
        }
        if (at[0] < text.length() && PowerShellLiteral.QUOTES.indexOf(text.charAt(at[0])) >= 0) {
            StringBuilder value = new StringBuilder();
            int i = at[0] + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (PowerShellLiteral.QUOTES.indexOf(c) >= 0) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == c) {
                        value.append(c);
                        i += 2;
                        continue;
                    }
                    at[0] = i + 1;
                    return Optional.of(value.toString());
                }
                value.append(c);
                i++;
            }
            return Optional.empty();
        }
        Matcher number = Pattern.compile("-?\\d+").matcher(text).region(at[0], text.length());
        if (number.lookingAt()) {
            at[0] = number.end();
            long value = Long.parseLong(number.group());
            return Optional.of(value == (int) value ? (Object) (int) value : (Object) value);
        }
        return Optional.empty();
    }
}
