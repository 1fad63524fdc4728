package com.eceops.runbook.lab;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;

/**
 * Stands in front of each simulated technology: each call a unit of work on the lab (parallel BPMN branches share
 * it), due background work first, injected faults, and a save after anything changed. Doing this once here
 * keeps every operation free of it.
 */
final class LabGuard implements InvocationHandler {

    private final RehearsalLab lab;
    private final String facade;

    private LabGuard(RehearsalLab lab, String facade) {
        this.lab = lab;
        this.facade = facade;
    }

    static <T> T guard(RehearsalLab lab, Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new LabGuard(lab, type.getSimpleName())));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "lab " + facade + " of " + lab.runId();
            };
        }
        Object[] arguments = args == null ? new Object[0] : args;
        return lab.locked(() -> call(method, arguments));
    }

    private Object call(Method method, Object[] arguments) {
        LabContext context = lab.context();
        try {
            lab.settle();
            context.operation(method.getName());
            String host = lab.hostOf(facade, method, arguments);
            List<LabScenario.Fault> faults = context.state().scenario.faults();
            for (int i = 0; i < faults.size(); i++) {
                LabScenario.Fault fault = faults.get(i);
                if (!fault.matches(method.getName(), host)) {
                    continue;
                }
                int failed = lab.faultFailures(i);
                if (failed < fault.failTimes()) {
                    lab.countFaultFailure(i);
                    throw new OperationFailedException(host, method.getName(),
                            fault.message() != null ? fault.message() : "injected fault " + (failed + 1) + " of " + fault.failTimes());
                }
                if (fault.slowBy() != null && changesState(method)) {
                    lab.defer(facade, method, arguments, context.now().plus(fault.slowBy()));
                    return method.getReturnType() == Change.class
                            ? new Change(true, "pending", "completes at " + context.now().plus(fault.slowBy())) : null;
                }
            }
            return method.invoke(lab.session().target(facade), arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new UndeclaredThrowableException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            // Whatever changed (a ledger entry, a counted fault, a deferred call, a load balancer's turn) is written;
            // a read that changed nothing writes nothing.
            lab.save();
        }
    }

    private static boolean changesState(Method method) {
        // Only answers that can honestly say "pending" are slowed; reads and rich results are not.
        return method.getReturnType() == Change.class || method.getReturnType() == void.class;
    }
}
