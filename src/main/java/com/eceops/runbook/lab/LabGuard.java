package com.eceops.runbook.lab;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Stands in front of each simulated technology: one call at a time per lab (parallel BPMN branches share
 * it), due background work first, injected faults, and a save after anything changed. Doing this once here
 * keeps every operation free of it.
 */
final class LabGuard implements InvocationHandler {

    private final RehearsalLab lab;
    private final String facade;
    private final Object target;

    private LabGuard(RehearsalLab lab, String facade, Object target) {
        this.lab = lab;
        this.facade = facade;
        this.target = target;
    }

    static <T> T guard(RehearsalLab lab, Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new LabGuard(lab, type.getSimpleName(), target)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
        }
        Object[] arguments = args == null ? new Object[0] : args;
        synchronized (lab) {
            LabContext context = lab.context();
            int ledgerBefore = context.state().ledger.size();
            int pendingBefore = context.state().pending.size();
            boolean faultCounted = false;
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
                    int failed = context.state().faultFailures.getOrDefault(i, 0);
                    if (failed < fault.failTimes()) {
                        context.state().faultFailures.put(i, failed + 1);
                        faultCounted = true;
                        throw new OperationFailedException(host, method.getName(),
                                fault.message() != null ? fault.message() : "injected fault " + (failed + 1) + " of " + fault.failTimes());
                    }
                    if (fault.slowBy() != null && changesState(method)) {
                        lab.defer(facade, method, arguments, context.now().plus(fault.slowBy()));
                        return method.getReturnType() == Change.class
                                ? new Change(true, "pending", "completes at " + context.now().plus(fault.slowBy())) : null;
                    }
                }
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (faultCounted || context.state().ledger.size() != ledgerBefore
                        || context.state().pending.size() != pendingBefore) {
                    lab.save();
                }
            }
        }
    }

    private static boolean changesState(Method method) {
        // Only answers that can honestly say "pending" are slowed; reads and rich results are not.
        return method.getReturnType() == Change.class || method.getReturnType() == void.class;
    }
}
