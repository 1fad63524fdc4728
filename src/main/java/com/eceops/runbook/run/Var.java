package com.eceops.runbook.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable: its name, as the models and forms spell it, and the Java type the runbook keeps in it. Every
 * read checks the type and names the variable when it is wrong or missing, so that a model or a caller that put the
 * wrong thing there stops the step with a message that says which variable, instead of a ClassCastException.
 *
 * @param <T> what the variable holds
 */
public final class Var<T> {

    private final String name;
    private final Class<?> type;
    private final Class<?> elements;

    private Var(String name, Class<?> type, Class<?> elements) {
        this.name = name;
        this.type = type;
        this.elements = elements;
    }

    public static Var<String> string(String name) {
        return new Var<>(name, String.class, null);
    }

    public static Var<Boolean> bool(String name) {
        return new Var<>(name, Boolean.class, null);
    }

    public static Var<Integer> integer(String name) {
        return new Var<>(name, Integer.class, null);
    }

    public static Var<Long> whole(String name) {
        return new Var<>(name, Long.class, null);
    }

    /** A list whose every element is of the given type (host names, file names). */
    public static <E> Var<List<E>> listOf(String name, Class<E> element) {
        return new Var<>(name, List.class, element);
    }

    /** A map of names to values of the given type (per-host counts). */
    public static <E> Var<Map<String, E>> mapOf(String name, Class<E> value) {
        return new Var<>(name, Map.class, value);
    }

    /** Any other serializable value type of the runbook (records, enums). */
    public static <T> Var<T> of(String name, Class<T> type) {
        return new Var<>(name, type, null);
    }

    public String name() {
        return name;
    }

    /** The value, or empty when the variable is absent or null. */
    public Optional<T> from(VariableScope scope) {
        return Optional.ofNullable(convert(scope.getVariable(name)));
    }

    /**
     * A person's answer, checked when the task is completed: of another type it is no answer (empty), for the form to
     * be refused with what to give, rather than a fault of the model.
     */
    public Optional<T> answerIn(VariableScope scope) {
        try {
            return from(scope);
        } catch (IllegalStateException notOfItsType) {
            return Optional.empty();
        }
    }

    /** The value, which the step cannot do without: absent is a fault of the model, named as such. */
    public T in(VariableScope scope) {
        return from(scope).orElseThrow(() -> new IllegalStateException("process variable '" + name + "' is missing"
                + where(scope)));
    }

    public T orElse(VariableScope scope, T fallback) {
        return from(scope).orElse(fallback);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** Set on the scope itself (a multi-instance branch, a task), not on the process. */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    @SuppressWarnings("unchecked")
    private T convert(Object value) {
        if (value == null) {
            return null;
        }
        if ((type == Integer.class || type == Long.class) && value instanceof CharSequence text) {
            // A number typed into a text field or sent as text on a start: blank is no answer.
            return text.toString().isBlank() ? null : convert(parseWhole(text.toString().trim()));
        }
        if (type == Integer.class && value instanceof Number number && number.longValue() == number.intValue()) {
            return (T) Integer.valueOf(number.intValue());
        }
        if (type == Long.class && value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
            return (T) Long.valueOf(number.longValue());
        }
        if (type == String.class && value instanceof CharSequence text) {
            return (T) text.toString();
        }
        if (!type.isInstance(value)) {
            throw wrongType(value);
        }
        if (elements != null) {
            Iterable<?> items = value instanceof Map<?, ?> map ? map.values() : (Iterable<?>) value;
            for (Object item : items) {
                if (item != null && !elements.isInstance(item)) {
                    throw wrongType(value);
                }
            }
        }
        return (T) value;
    }

    private Long parseWhole(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("process variable '" + name + "' holds '" + text + "' where a whole number belongs");
        }
    }

    private IllegalStateException wrongType(Object value) {
        String wanted = elements == null ? type.getSimpleName() : type.getSimpleName() + " of " + elements.getSimpleName();
        return new IllegalStateException("process variable '" + name + "' holds a " + value.getClass().getSimpleName()
                + " where a " + wanted + " belongs");
    }

    private static String where(VariableScope scope) {
        return scope instanceof org.camunda.bpm.engine.delegate.DelegateExecution execution
                ? " at " + execution.getCurrentActivityId() : "";
    }

    @Override
    public String toString() {
        return name;
    }
}
