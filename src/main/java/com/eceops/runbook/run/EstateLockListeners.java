package com.eceops.runbook.run;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Takes the estate lock (a rehearsal's or plan's: its lab) when a process instance starts and lets it go when that
 * instance ends or is cancelled; the sections a run calls share their root's.
 * Built-in listeners (put on every process by {@link RunGuardPlugin}), so a start that skips listeners still takes
 * the lock and a cancellation that skips them still lets it go.
 */
@Component
class EstateLockListeners {

    /**
     * Registering a patch and its approval change nothing on the servers and may wait days for the window: the lock is
     * taken by the patch in its window (PatchEce), which SchedulePatch calls.
     */
    static final Set<String> TAKE_NO_LOCK = Set.of("SchedulePatch");

    private final EstateLocks locks;

    EstateLockListeners(EstateLocks locks) {
        this.locks = locks;
    }

    void take(DelegateExecution execution) {
        RunKey run;
        try {
            run = RunKey.parse(execution.getProcessBusinessKey());
        } catch (IllegalArgumentException notARun) {
            return;
        }
        if (TAKE_NO_LOCK.contains(processKey(execution))) {
            return;
        }
        locks.take(run, StartedBy.of(execution), execution.getProcessInstanceId(),
                ((ExecutionEntity) execution).getRootProcessInstanceId());
    }

    void release(DelegateExecution execution) {
        locks.release(execution.getProcessInstanceId());
    }

    private static String processKey(DelegateExecution execution) {
        return ((ExecutionEntity) execution).getProcessDefinition().getKey();
    }
}
