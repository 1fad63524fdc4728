package com.eceops.runbook.run;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import com.eceops.runbook.operations.OperationFailedException;

/**
 * The shape of every automated step: find the run, do the step through its operations, and let a technical
 * failure become a retry and then an incident that names the step, host and cause. Business outcomes are
 * {@link org.camunda.bpm.engine.delegate.BpmnError}s thrown by the step itself and pass untouched.
 */
public abstract class RunbookStep implements JavaDelegate {

    private final RunOperations runs;

    protected RunbookStep(RunOperations runs) {
        this.runs = runs;
    }

    @Override
    public final void execute(DelegateExecution execution) {
        String step = ProcedureStep.of(execution);
        CurrentStep.set(step);
        try {
            perform(execution, runs.of(execution));
        } catch (OperationFailedException e) {
            throw new StepFailedException(step, execution.getCurrentActivityName(), e);
        } finally {
            CurrentStep.clear();
        }
    }

    protected abstract void perform(DelegateExecution execution, RunContext run);

    protected static String host(DelegateExecution execution) {
        return RunVariables.HOST.from(execution).orElseThrow(() -> new IllegalStateException("activity "
                + execution.getCurrentActivityId() + " has no host variable"));
    }
}
