package com.eceops.runbook.procedure.patch;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** patch-1.1: the readme task completes only with {@code readmeAcknowledged} true; records who acknowledged. */
@Component("readmeAcknowledgement")
public class ReadmeAcknowledgement implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!PatchVariables.README_ACKNOWLEDGED.answerIn(task).orElse(false)) {
            throw new BadUserRequestException("readmeAcknowledged: confirm that you have read the patch's readme");
        }
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        PatchVariables.README_ACKNOWLEDGED_BY.set(task, user == null ? task.getAssignee() : user.getUserId());
    }
}
