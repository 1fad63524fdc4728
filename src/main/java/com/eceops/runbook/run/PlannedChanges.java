package com.eceops.runbook.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import com.eceops.runbook.operations.Change;

/**
 * The plan-mode form of an operations interface whose changes answer a {@link Change} (cluster, ECE), as
 * {@link PlannedWindowsOperations} does for Windows: each change is first handed to the PowerShell implementation
 * in plan mode, which records its script and contacts no server, then applied to the lab so that later reads answer
 * as after the real change. Reads go to the lab only.
 */
final class PlannedChanges {

    private PlannedChanges() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> operations, T lab, T recordingPowerShell, Runnable afterRecording) {
        return (T) Proxy.newProxyInstance(operations.getClassLoader(), new Class<?>[] {operations}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(lab, args);
            }
            if (method.getReturnType() == Change.class) {
                invoke(recordingPowerShell, method, args);
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
