package com.eceops.runbook.run;

import java.lang.reflect.Proxy;

import com.eceops.runbook.operations.OperationFailedException;

/**
 * Stands in for a technology whose real implementation does not exist yet, so that a live run reaching such a
 * step stops with an incident that says so, instead of a null pointer or, worse, a silent success.
 */
final class NoRealImplementation {

    private NoRealImplementation() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> operations) {
        return (T) Proxy.newProxyInstance(operations.getClassLoader(), new Class<?>[] {operations}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "no real " + operations.getSimpleName() : null;
            }
            String host = args != null && args.length > 0 && args[0] instanceof String first ? first : "-";
            throw new OperationFailedException(host, method.getName(), operations.getSimpleName()
                    + " has no real implementation in this version; rehearse or plan this step instead");
        });
    }
}
