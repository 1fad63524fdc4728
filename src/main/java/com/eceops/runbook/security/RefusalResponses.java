package com.eceops.runbook.security;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer to a refusal: its own 4xx status and one line of reason, with no stack trace in the log. Camunda's
 * REST resources wrap most engine exceptions of a start or a completion into a 500 "Cannot ..."; a refused run,
 * a four-eyes refusal, a form that breaks its rules or an unknown task are the caller's mistakes, found here in
 * the cause chain. Anything else keeps Camunda's own answer.
 */
final class RefusalResponses {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalResponses.class);

    private RefusalResponses() {
    }

    static Response toResponse(Throwable thrown) {
        Refusal refusal = refusalIn(thrown);
        if (refusal != null) {
            return refusal(refusal.status(), refusal.cause());
        }
        if (thrown instanceof RestException rest && rest.getStatus() != null && rest.getStatus().getStatusCode() < 500) {
            return refusal(rest.getStatus().getStatusCode(), thrown);
        }
        // Some resources pass on only the engine's message ("ENGINE-13053 No job found with id ...").
        if (thrown instanceof RestException && unknown(thrown.getMessage())) {
            return refusal(404, thrown);
        }
        return ExceptionHandlerHelper.getInstance().getResponse(thrown);
    }

    /** A refusal found in a cause chain, with its status. */
    record Refusal(Throwable cause, int status) {
    }

    /**
     * The first exception in the cause chain that is a refusal, or null: what the REST answer and the log filter
     * ({@link RefusalLogFilter}) both take for the caller's mistake.
     */
    static Refusal refusalIn(Throwable thrown) {
        int depth = 0;
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Integer status = statusOf(cause, depth++);
            if (status != null) {
                return new Refusal(cause, status);
            }
        }
        return null;
    }

    private static Integer statusOf(Throwable cause, int depth) {
        if (cause instanceof RefusalStatus refusal) {
            return refusal.httpStatus();
        }
        if (cause instanceof AuthorizationException) {
            return 403;
        }
        if (cause instanceof NotFoundException || cause instanceof NullValueException && unknown(cause.getMessage())) {
            return 404;
        }
        // The engine says "No job found with id ..." with a plain exception; only its own, not a step's failure.
        if (depth <= 1 && cause.getClass() == org.camunda.bpm.engine.ProcessEngineException.class && unknown(cause.getMessage())) {
            return 404;
        }
        if (cause instanceof BadUserRequestException) {
            return 400;
        }
        return null;
    }

    /** The engine's words for an id that names nothing. */
    private static boolean unknown(String message) {
        return message != null
                && message.matches("(?s)(ENGINE-\\d+ )?(Cannot find|No \\w+ found|\\w+ does not exist|Unknown ).*");
    }

    private static Response refusal(int status, Throwable cause) {
        String reason = oneLine(cause.getMessage());
        LOG.info("Refused with {} for {}: {}", status, caller(), reason);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", cause.getClass().getSimpleName(), "message", reason)).build();
    }

    private static String caller() {
        var engine = org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine(false);
        Authentication authentication = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "an anonymous caller" : authentication.getUserId();
    }

    static String oneLine(String message) {
        if (message == null) {
            return "refused";
        }
        String line = message.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").trim();
        return line.length() > 2000 ? line.substring(0, 1997) + "..." : line;
    }
}
