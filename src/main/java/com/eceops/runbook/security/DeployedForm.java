package com.eceops.runbook.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules of a deployed Camunda Form (form-js schema), applied on the server to what a caller submits, so
 * that a completion over REST is held to what Tasklist holds the person to: only the form's own fields, each of
 * its type, required ones present, patterns, lengths, ranges and allowed values.
 *
 * <p>A field shown under a condition ({@code conditional.hide}) is not required here, because the condition is
 * FEEL over other values; its value is still checked when given. None of the runbook's forms marks such a
 * field required.
 */
final class DeployedForm {

    /** The largest text a field may hold; a readme pasted whole stays far below it. */
    static final int MAX_TEXT_LENGTH = 65_536;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Map<String, Field> fields;

    private DeployedForm(String name, Map<String, Field> fields) {
        this.name = name;
        this.fields = fields;
    }

    static DeployedForm parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(root.path("components"), fields);
        return new DeployedForm(root.path("id").asText("form"), fields);
    }

    /** A form with the given fields only; for processes whose start event names no form of its own. */
    static DeployedForm of(String name, Map<String, Field> fields) {
        return new DeployedForm(name, fields);
    }

    String name() {
        return name;
    }

    boolean hasField(String key) {
        return fields.containsKey(key);
    }

    /** Every rule the submitted values break, in the form's field order; empty when they keep them all. */
    List<String> problemsWith(Map<String, Object> submitted) {
        List<String> problems = new ArrayList<>();
        for (String key : submitted.keySet()) {
            if (!fields.containsKey(key)) {
                problems.add(key + ": is not a field of this form, so it cannot be set here");
            }
        }
        for (Field field : fields.values()) {
            problems.addAll(field.problemsWith(submitted.get(field.key), submitted.containsKey(field.key)));
        }
        return problems;
    }

    /** True when a value is too large to keep, whatever its field: answered with 413 rather than 400. */
    static boolean tooLarge(Object value) {
        return value instanceof CharSequence text && text.length() > MAX_TEXT_LENGTH;
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                Field field = Field.of(component);
                fields.put(field.key, field);
            }
            collect(component.path("components"), fields);
        }
    }

    /** One input of the form with the rules the form-js editor lets a modeller set. */
    record Field(String key, String label, String type, boolean required, Pattern pattern, Integer minLength,
                 Integer maxLength, Double min, Double max, List<String> allowedValues) {

        static Field of(JsonNode component) {
            JsonNode validate = component.path("validate");
            boolean conditional = component.has("conditional");
            List<String> values = new ArrayList<>();
            component.path("values").forEach(v -> values.add(v.path("value").asText()));
            Pattern pattern = null;
            if (validate.hasNonNull("pattern")) {
                try {
                    pattern = Pattern.compile(validate.get("pattern").asText());
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException("form field " + component.path("key").asText()
                            + " has a pattern Java cannot read: " + e.getMessage(), e);
                }
            }
            return new Field(component.get("key").asText(), component.path("label").asText(component.get("key").asText()),
                    component.path("type").asText("textfield"),
                    validate.path("required").asBoolean(false) && !conditional, pattern,
                    validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
                    validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
                    validate.hasNonNull("min") ? validate.get("min").asDouble() : null,
                    validate.hasNonNull("max") ? validate.get("max").asDouble() : null,
                    values.isEmpty() ? null : List.copyOf(values));
        }

        static Field text(String key, String label) {
            return new Field(key, label, "textfield", false, null, null, null, null, null, null);
        }

        List<String> problemsWith(Object value, boolean given) {
            String where = key + " (" + label + ")";
            if (value == null || value instanceof String s && s.isBlank()) {
                if (required) {
                    return List.of(where + ": is required" + (given ? "; it was empty" : "; it was not given"));
                }
                return List.of();
            }
            return switch (type) {
                case "checkbox" -> checkbox(where, value);
                case "number" -> number(where, value);
                case "radio", "select" -> choice(where, value);
                default -> text(where, value);
            };
        }

        private List<String> checkbox(String where, Object value) {
            if (!(value instanceof Boolean ticked)) {
                return List.of(where + ": must be true or false (a Boolean), not the " + kind(value) + " '" + value + "'");
            }
            return required && !ticked ? List.of(where + ": must be ticked") : List.of();
        }

        private List<String> number(String where, Object value) {
            if (!(value instanceof Number number)) {
                return List.of(where + ": must be a number, not the " + kind(value) + " '" + value + "'");
            }
            List<String> problems = new ArrayList<>();
            if (min != null && number.doubleValue() < min) {
                problems.add(where + ": must be at least " + min);
            }
            if (max != null && number.doubleValue() > max) {
                problems.add(where + ": must be at most " + max);
            }
            return problems;
        }

        private List<String> choice(String where, Object value) {
            if (!(value instanceof String chosen)) {
                return List.of(where + ": must be one of " + allowedValues + ", not the " + kind(value) + " '" + value + "'");
            }
            if (allowedValues != null && !allowedValues.contains(chosen)) {
                return List.of(where + ": must be one of " + allowedValues + ", not '" + shorten(chosen) + "'");
            }
            return List.of();
        }

        private List<String> text(String where, Object value) {
            if (!(value instanceof String text)) {
                return List.of(where + ": must be text, not the " + kind(value) + " '" + value + "'");
            }
            List<String> problems = new ArrayList<>();
            if (text.length() > MAX_TEXT_LENGTH) {
                problems.add(where + ": is " + text.length() + " characters long; at most " + MAX_TEXT_LENGTH + " are kept");
                return problems;
            }
            if (pattern != null && !pattern.matcher(text).find()) {
                problems.add(where + ": '" + shorten(text) + "' does not have the form this field asks for");
            }
            if (minLength != null && text.length() < minLength) {
                problems.add(where + ": must be at least " + minLength + " characters long");
            }
            if (maxLength != null && text.length() > maxLength) {
                problems.add(where + ": must be at most " + maxLength + " characters long");
            }
            return problems;
        }

        private static String kind(Object value) {
            return value instanceof String ? "text" : value.getClass().getSimpleName();
        }

        private static String shorten(String text) {
            String oneLine = text.replaceAll("\\p{Cntrl}", " ");
            return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
        }
    }
}
