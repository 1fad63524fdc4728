package com.eceops.runbook.procedure.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;

/**
 * The called process DecidePatchWindow on its own: the four-eyes decision to extend or to roll back, recorded and
 * applied, and the reminder of a decision left open. The window check and the window's end watch call it (the
 * patch's tests show both).
 */
class DecidePatchWindowProcessTest extends SectionProcessTest {

    private static final Date OPENS = Date.from(Instant.parse("2026-11-28T21:00:00Z"));
    private static final Date CLOSES = Date.from(Instant.parse("2026-11-29T01:00:00Z"));

    private IdentityService identity;

    @BeforeEach
    void clockAndPeople() {
        identity = PatchFixture.changeManagersAtTheWindow(engine, OPENS);
    }

    @AfterEach
    void resetClock() {
        PatchFixture.leaveTheWindow(identity);
    }

    private ProcessInstance startDecision(EarlierSteps lab) {
        ProcessInstance run = start("DecidePatchWindow", lab, PatchFixture.window(CLOSES, null));
        PatchFixture.settle(engine, lab.key());
        return run;
    }

    private void decideAs(String user, Task task, Map<String, Object> answers) {
        identity.setAuthentication(user, List.of("change-managers"));
        try {
            driver.complete(task, answers);
        } finally {
            identity.clearAuthentication();
        }
    }

    private Object historic(ProcessInstance run, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    @Test
    void aSecondChangeManagerExtendsTheWindowAndTheNewEndIsRecorded() {
        EarlierSteps lab = prepare(null);
        ProcessInstance run = startDecision(lab);
        Task decision = onlyTask(lab.key());
        assertThat(decision).hasDefinitionKey("Task_DecideWindowOverrun").hasCandidateGroup("change-managers");
        // Four eyes: the requester may not decide on her own patch's window.
        assertThatThrownBy(() -> decideAs("patchalice", decision, Map.of("windowDecision", "extend", "newWindowEnd", "2026-11-29T03:00")))
                .hasMessageContaining("patchalice");

        decideAs("patchbob", decision, Map.of("windowDecision", "extend", "newWindowEnd", "2026-11-29T03:00"));
        PatchFixture.settle(engine, lab.key());

        assertThat(run).isEnded().hasPassedInOrder("Task_DecideWindowOverrun", "Task_ApplyWindowDecision",
                "EndEvent_WindowDecisionRecorded");
        assertThat(historic(run, "windowClosesAt")).isEqualTo(Date.from(Instant.parse("2026-11-29T02:00:00Z")));
        assertThat(historic(run, "windowDecisions").toString()).startsWith("extended to 2026-11-29T02:00:00Z by patchbob");
        assertThat(historic(run, "rollBackRequested")).isNull();
    }

    @Test
    void aDecisionLeftOpenIsRaisedToTheManagersAndARollbackIsRecorded() {
        EarlierSteps lab = prepare(null);
        ProcessInstance run = startDecision(lab);
        ClockUtil.setCurrentTime(Date.from(OPENS.toInstant().plusSeconds(16 * 60)));
        PatchFixture.settle(engine, lab.key());

        Task decision = onlyTask(lab.key());
        assertThat(engine.getTaskService().createTaskQuery().taskId(decision.getId()).singleResult().getPriority()).isEqualTo(100);
        assertThat(engine.getTaskService().getIdentityLinksForTask(decision.getId())).anyMatch(l -> "managers".equals(l.getGroupId()));
        assertThat(engine.getTaskService().getTaskComments(decision.getId())).hasSize(1)
                .allMatch(c -> c.getFullMessage().startsWith("Reminder: the patch of"));
        assertThat(runtime.getVariable(run.getId(), "windowDecisionReminders")).isEqualTo(1);

        decideAs("patchbob", decision, Map.of("windowDecision", "rollBack"));
        PatchFixture.settle(engine, lab.key());

        assertThat(run).isEnded().hasPassed("Timer_DecisionReminder", "Task_RemindDeciders", "EndEvent_DecidersReminded",
                "EndEvent_WindowDecisionRecorded");
        assertThat(historic(run, "rollBackRequested")).isEqualTo(true);
        assertThat(historic(run, "windowDecisions")).isEqualTo("roll back decided by patchbob");
        assertThat(historic(run, "windowClosesAt")).isEqualTo(CLOSES);
    }
}
