package com.eceops.runbook.procedure.patch;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.eceops.runbook.security.BuiltInTaskCheck;

/**
 * "Extend the window or roll back", enforced on the server like the window's approval: completed only by a
 * signed-in member of change-managers other than the patch's requester, with a decision; an extension names a
 * new end (local time in the window's zone) later than the current end and than now. A refusal leaves the task
 * open with the reason. Records who decided; {@code ApplyWindowDecisionDelegate} applies it.
 */
@Component
public class WindowDecision implements BuiltInTaskCheck {

    static final String EXTEND = "extend";
    static final String ROLL_BACK = "rollBack";

    @Override
    public String formRef() {
        return "DecideWindowOverrun";
    }

    @Override
    public Set<String> events() {
        return Set.of(EVENTNAME_ASSIGNMENT, EVENTNAME_COMPLETE);
    }

    @Override
    public void notify(DelegateTask task) {
        String decidedBy = SecondChangeManager.of(task, "decide on its window");
        if (decidedBy == null) {
            return;
        }
        Object decision = WindowVariables.WINDOW_DECISION.from(task).orElse(null);
        if (EXTEND.equals(decision)) {
            WindowVariables.NEW_WINDOW_END.set(task, newEnd(task));
        } else if (!ROLL_BACK.equals(decision)) {
            throw new BadUserRequestException("windowDecision: choose extend or rollBack");
        }
        WindowVariables.WINDOW_DECIDED_BY.set(task, decidedBy);
        // Sealed with who decided, so that applying it later applies exactly this decision.
        WindowVariables.WINDOW_DECISION_SEAL.set(task, decisionSeal(task));
    }

    /** The digest of a decision as made: what, the new end, who. {@code ApplyWindowDecisionDelegate} compares it. */
    static String decisionSeal(org.camunda.bpm.engine.delegate.VariableScope scope) {
        Object end = WindowVariables.NEW_WINDOW_END.from(scope).orElse(null);
        return ApprovedRequest.sha256("windowDecision=" + WindowVariables.WINDOW_DECISION.from(scope).orElse(null)
                + "\nnewWindowEnd=" + (end instanceof Date date ? date.toInstant() : "")
                + "\nby=" + WindowVariables.WINDOW_DECIDED_BY.from(scope).orElse(null));
    }

    private static Date newEnd(DelegateTask task) {
        Object text = WindowVariables.NEW_WINDOW_END.from(task).orElse(null);
        if (text instanceof Date date) {
            return checked(date.toInstant(), task);
        }
        ZoneId zone = ZoneId.of(String.valueOf(WindowVariables.WINDOW_ZONE_ID.from(task).orElse(null)));
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(String.valueOf(text).trim());
        } catch (DateTimeException e) {
            throw new BadUserRequestException("newWindowEnd: give the new end as a date and time such as 2026-11-29T03:00 ("
                    + zone.getId() + ")");
        }
        return checked(ZonedDateTime.of(local, zone).toInstant(), task);
    }

    private static Date checked(Instant end, DelegateTask task) {
        Instant current = ((Date) WindowVariables.WINDOW_CLOSES_AT.from(task).orElse(null)).toInstant();
        if (!end.isAfter(current) || !end.isAfter(ClockUtil.getCurrentTime().toInstant())) {
            throw new BadUserRequestException("newWindowEnd: " + end + " is not later than the current end " + current
                    + " and now");
        }
        return Date.from(end);
    }
}
