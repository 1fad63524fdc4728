package com.eceops.runbook.it;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A task's variables, as REST gave them, with the person's answers over them, seen as a {@link VariableScope}: what a
 * person's work on a lab reads. Only reading, writing and asking for one variable are answered.
 */
final class TaskVariables {

    private TaskVariables() {
    }

    static VariableScope of(Map<String, Object> variables) {
        Map<String, Object> values = new LinkedHashMap<>(variables);
        return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(), new Class<?>[] {VariableScope.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable", "getVariableLocal" -> values.get((String) args[0]);
                    case "hasVariable", "hasVariableLocal" -> values.containsKey((String) args[0]);
                    case "setVariable", "setVariableLocal" -> values.put((String) args[0], args[1]);
                    case "removeVariable", "removeVariableLocal" -> values.remove((String) args[0]);
                    case "toString" -> "task variables " + values.keySet();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
