package com.eceops.runbook.security;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps refusals out of the error log. The engine logs every exception that leaves a command at ERROR with its
 * stack trace (ENGINE-16004) unless it is a plain bad request; a four-eyes refusal thrown in a task listener
 * reaches it wrapped, an unknown task as a not-found. Those are the caller's mistakes, answered 4xx with one
 * INFO line ({@link RefusalResponses}); a real failure is still logged in full.
 */
@Component
class RefusalLogFilter extends TurboFilter {

    private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    @EventListener(ApplicationStartedEvent.class)
    void install() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context && !context.getTurboFilterList().contains(this)) {
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName()) || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t;
        if (thrown == null && params != null) {
            for (Object param : params) {
                if (param instanceof Throwable throwable) {
                    thrown = throwable;
                }
            }
        }
        return isRefusal(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    static boolean isRefusal(Throwable thrown) {
        return RefusalResponses.refusalIn(thrown) != null;
    }
}
