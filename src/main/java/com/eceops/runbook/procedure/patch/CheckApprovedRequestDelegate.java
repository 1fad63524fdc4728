package com.eceops.runbook.procedure.patch;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The last look before the window: the request about to be patched is the one approved (file, checksum,
 * level, command, opening), or it goes back to the change managers with what changed.
 */
@Component("checkApprovedRequestDelegate")
class CheckApprovedRequestDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        ApprovedRequest.checkBeforeWindow(execution);
    }
}
