package com.eceops.runbook.procedure.patch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.VariableScope;

import com.eceops.runbook.run.Var;

/**
 * What the change managers approved, sealed: the patch file, its checksum, the level, the install command and
 * the window's opening, written as text and bound by a SHA-256 to the approver and the time. Every later step
 * that uses these values reads them through this class, which compares them with the sealed text first; the
 * window's end is sealed apart, because an approved extension moves it.
 */
final class ApprovedRequest {

    static final String CHANGED_AFTER_APPROVAL = "RequestChangedAfterApproval";

    private ApprovedRequest() {
    }

    /** Seals the request as it stands now, approved by {@code approver}. */
    static void seal(VariableScope scope, String approver, Date at) {
        scope.setVariables(sealOf(scope::getVariable, approver, at));
    }

    /** The variables that record an approval of the request {@code values} gives. */
    static Map<String, Object> sealOf(Function<String, Object> values, String approver, Date at) {
        String request = describe(values);
        Map<String, Object> seal = new LinkedHashMap<>();
        seal.put(PatchVariables.APPROVED_REQUEST.name(), request);
        seal.put(PatchVariables.APPROVAL_SEAL.name(), sha256(request + "\napprover=" + approver + "\nat=" + at.toInstant()));
        seal.put(WindowVariables.WINDOW_END_SEAL.name(),
                windowEndDigest((Date) values.apply(WindowVariables.WINDOW_CLOSES_AT.name())));
        return seal;
    }

    /** Seals a window end set by an approval or a change manager's extension (who: in windowDecisions). */
    static void sealWindowEnd(VariableScope scope, Date end) {
        WindowVariables.WINDOW_END_SEAL.set(scope, windowEndDigest(end));
    }

    /**
     * Before the window: a request that differs from the approved one is sent back to approval, with the
     * changed fields as the reason (the BPMN error {@value #CHANGED_AFTER_APPROVAL}).
     */
    static void checkBeforeWindow(VariableScope scope) {
        List<String> changes = changes(scope);
        if (!changes.isEmpty()) {
            throw new BpmnError(CHANGED_AFTER_APPROVAL, "changed after approval: " + String.join("; ", changes));
        }
    }

    /**
     * In the window the outage has begun and there is no going back to approval: a changed request stops the
     * step with an incident before anything is sent, for the operators and change managers to look at.
     */
    static void checkInWindow(VariableScope scope) {
        List<String> changes = changes(scope);
        if (!changes.isEmpty()) {
            throw new IllegalStateException("the patch request " + String.join("; ", changes)
                    + " after approval; nothing was sent. An administrator must put the approved values back");
        }
    }

    /**
     * In the window: the window's end must be the one the approval or a change manager's extension set;
     * otherwise the window check stops with an incident rather than trust a moved end.
     */
    static void checkWindowEnd(VariableScope scope) {
        String seal = WindowVariables.WINDOW_END_SEAL.from(scope).orElse(null);
        Date end = WindowVariables.WINDOW_CLOSES_AT.from(scope).orElse(null);
        if (seal != null && !seal.equals(windowEndDigest(end))) {
            throw new IllegalStateException("the window's end " + (end == null ? "(none)" : end.toInstant())
                    + " was set neither by the approval nor by a change manager's extension; an administrator must"
                    + " put it back");
        }
    }

    static List<String> changes(VariableScope scope) {
        Optional<String> sealed = PatchVariables.APPROVED_REQUEST.from(scope);
        if (sealed.isEmpty()) {
            return List.of("has no approval on record");
        }
        Map<String, String> approved = lines(sealed.get());
        Map<String, String> now = lines(describe(scope::getVariable));
        List<String> changes = new ArrayList<>();
        now.forEach((name, value) -> {
            if (!value.equals(approved.get(name))) {
                changes.add(name + " is '" + value + "', approved '" + approved.get(name) + "'");
            }
        });
        return changes;
    }

    private static String describe(Function<String, Object> scope) {
        // Read untyped on purpose: a value changed after the approval, even to another type, must show as a change.
        Object opens = scope.apply(PatchVariables.WINDOW_OPENS_AT.name());
        return line(scope, PatchVariables.PATCH_FILE) + line(scope, PatchVariables.PATCH_CHECKSUM)
                + line(scope, PatchVariables.PATCH_LEVEL) + line(scope, PatchVariables.PATCH_INSTALL_COMMAND)
                + PatchVariables.WINDOW_OPENS_AT + "=" + (opens instanceof Date date ? date.toInstant() : String.valueOf(opens));
    }

    private static Map<String, String> lines(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    private static String line(Function<String, Object> scope, Var<String> field) {
        return field + "=" + text(scope, field) + "\n";
    }

    private static String text(Function<String, Object> scope, Var<String> field) {
        Object value = scope.apply(field.name());
        // One line per field: a value cannot forge another field's line.
        return value == null ? "" : value.toString().replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String windowEndDigest(Date end) {
        return sha256("windowClosesAt=" + (end == null ? "" : end.toInstant()));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
