package com.eceops.runbook.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

import com.eceops.runbook.windows.WindowsOperations;

/**
 * Windows operations of a plan-mode run. Every change is handed to the real PowerShell implementation in
 * plan mode, which records the script it would run instead of running it; the rehearsal lab then applies
 * the change, so that later reads (is the feature there now? is the server back?) answer as they would
 * after the real change, and the run goes through the whole procedure without touching a server.
 */
final class PlannedWindowsOperations {

    private static final Set<Class<?>> READ_RESULTS = Set.of(boolean.class, int.class, String.class, Set.class, java.util.List.class,
            java.util.Optional.class, com.eceops.runbook.windows.HostFacts.class,
            com.eceops.runbook.windows.ServiceStatus.class);

    private PlannedWindowsOperations() {
    }

    static WindowsOperations of(WindowsOperations lab, WindowsOperations recordingPowerShell, Runnable afterRecording) {
        return (WindowsOperations) Proxy.newProxyInstance(WindowsOperations.class.getClassLoader(),
                new Class<?>[] {WindowsOperations.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(lab, args);
                    }
                    if (changes(method)) {
                        invoke(recordingPowerShell, method, args);
                        afterRecording.run();
                    }
                    return invoke(lab, method, args);
                });
    }

    private static boolean changes(Method method) {
        return !READ_RESULTS.contains(method.getReturnType());
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
