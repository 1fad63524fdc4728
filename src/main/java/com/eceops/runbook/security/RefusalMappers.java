package com.eceops.runbook.security;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS exception mappers that stand before Camunda's own for the same types ({@code @Priority(1)}) in both
 * REST applications: {@code /engine-rest} and the webapps' {@code /camunda/api/engine}.
 */
final class RefusalMappers {

    private RefusalMappers() {
    }

    @Provider
    @Priority(1)
    public static final class ForRestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return RefusalResponses.toResponse(exception);
        }
    }

    @Provider
    @Priority(1)
    public static final class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return RefusalResponses.toResponse(exception);
        }
    }
}
