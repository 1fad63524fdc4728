package com.eceops.runbook.wiring;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import com.eceops.runbook.operations.ChangesEstate;

/**
 * The plan-mode form of any operations interface, the one way a plan is made. A method marked
 * {@link ChangesEstate} is first handed to the real implementation in its recording mode, which writes down what it
 * would send (script or statements, secrets masked) and contacts no server; then it is applied to the lab, so that
 * the reads after it answer as they would after the real change. Reads go to the lab only.
 */
final class Planned {

    private Planned() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> operations, T lab, T recording, Runnable afterRecording) {
        return (T) Proxy.newProxyInstance(operations.getClassLoader(), new Class<?>[] {operations}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(lab, args);
            }
            if (method.isAnnotationPresent(ChangesEstate.class)) {
                invoke(recording, method, args);
                afterRecording.run();
            }
            return invoke(lab, method, args);
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
