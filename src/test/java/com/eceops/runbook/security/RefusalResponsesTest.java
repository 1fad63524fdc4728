package com.eceops.runbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.run.RunRefusedException;

import jakarta.ws.rs.core.Response.Status;

/** What the REST layer answers for each kind of refusal, and what stays Camunda's own answer. */
class RefusalResponsesTest {

    @Test
    void aRefusalWrappedByCamundasRestResourcesAnswersItsOwnStatusWithOneLine() {
        var refusedStart = new RestException(Status.INTERNAL_SERVER_ERROR,
                new RunRefusedException("estate 'x' is not marked live\nsecond line"), "Cannot instantiate process definition");
        var response = RefusalResponses.toResponse(refusedStart);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(((Map<?, ?>) response.getEntity()).get("message"))
                .isEqualTo("run refused: estate 'x' is not marked live second line");

        var fourEyes = new RestException(Status.INTERNAL_SERVER_ERROR, new ProcessEngineException(
                "ENGINE-03051 There was an exception while invoking the TaskListener",
                new org.camunda.bpm.engine.BadUserRequestException("four eyes: carol registered this patch")), "Cannot complete task");
        assertThat(RefusalResponses.toResponse(fourEyes).getStatus()).isEqualTo(400);

        var form = new InvalidSubmissionException("ApprovePatchWindow", List.of("patchReadme: too long"), 413);
        assertThat(RefusalResponses.toResponse(form).getStatus()).isEqualTo(413);
        assertThat(RefusalResponses.toResponse(new AdministratorsOnlyException("olga", "modify a running process instance"))
                .getStatus()).isEqualTo(403);
        assertThat(RefusalResponses.toResponse(new AuthorizationException("no")).getStatus()).isEqualTo(403);
    }

    @Test
    void anIdThatNamesNothingIsNotFound() {
        assertThat(RefusalResponses.toResponse(new RestException(Status.INTERNAL_SERVER_ERROR,
                new NullValueException("Cannot find task with id 42: task is null"), "Cannot complete task 42")).getStatus())
                .isEqualTo(404);
        assertThat(RefusalResponses.toResponse(new InvalidRequestException(Status.INTERNAL_SERVER_ERROR,
                "ENGINE-13053 No job found with id '42'.'")).getStatus()).isEqualTo(404);
    }

    @Test
    void aRealFailureKeepsCamundasAnswerAndIsLoggedInFull() {
        var failure = new ProcessEngineException("ENGINE-16004 database is gone");
        assertThat(RefusalResponses.toResponse(failure).getStatus()).isEqualTo(500);
        // A step's own failure that happens to say "Cannot find" deep inside a completion is not a refusal.
        var deep = new RestException(Status.INTERNAL_SERVER_ERROR, new ProcessEngineException("step failed",
                new ProcessEngineException("wrapped", new ProcessEngineException("Cannot find file E:\\x"))), "Cannot complete task");
        assertThat(RefusalResponses.toResponse(deep).getStatus()).isEqualTo(500);
        assertThat(RefusalLogFilter.isRefusal(failure)).isFalse();
        assertThat(RefusalLogFilter.isRefusal(new NullValueException("Cannot find task with id 1"))).isTrue();
        assertThat(RefusalLogFilter.isRefusal(new ProcessEngineException("listener failed",
                new org.camunda.bpm.engine.BadUserRequestException("four eyes")))).isTrue();
    }
}
