package com.eceops.runbook.procedure.patchdatabases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The databases this rollback instance has restored (and seen restored), as {@code <process instance id>:db,db}.
 * Keyed by the instance: a caller passes all its variables into a second rollback, and a completion recorded by the
 * first must not make the second skip its restores (its databases were patched again since).
 */
final class RestoresDone {

    private RestoresDone() {
    }

    static List<String> of(DelegateExecution execution) {
        String value = PatchDatabaseVariables.PRE_PATCH_RESTORES_DONE.from(execution).orElse(null);
        String prefix = execution.getProcessInstanceId() + ":";
        if (value == null || !value.startsWith(prefix)) {
            return List.of();
        }
        String list = value.substring(prefix.length());
        return list.isEmpty() ? List.of() : List.of(list.toLowerCase(Locale.ROOT).split(","));
    }

    static boolean contains(DelegateExecution execution, String database) {
        return of(execution).contains(database.toLowerCase(Locale.ROOT));
    }

    static void add(DelegateExecution execution, String database) {
        List<String> done = new ArrayList<>(of(execution));
        if (!done.contains(database.toLowerCase(Locale.ROOT))) {
            done.add(database.toLowerCase(Locale.ROOT));
        }
        PatchDatabaseVariables.PRE_PATCH_RESTORES_DONE.set(execution,
                execution.getProcessInstanceId() + ":" + String.join(",", done));
    }
}
