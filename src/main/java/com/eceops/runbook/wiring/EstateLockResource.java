package com.eceops.runbook.wiring;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

import com.eceops.runbook.estate.SingleLine;
import com.eceops.runbook.run.EstateLocks;

/**
 * The estate locks over REST ({@code /engine-rest/estate-lock}): everybody who is logged in sees who holds which
 * estate; only an administrator breaks a lock, and only with a reason, which is recorded with their name.
 */
@Path("/estate-lock")
@Produces(MediaType.APPLICATION_JSON)
public class EstateLockResource {

    private static final int REASON_LIMIT = 500;

    private final EstateLocks locks;
    private final IdentityService identity;

    EstateLockResource(EstateLocks locks, IdentityService identity) {
        this.locks = locks;
        this.identity = identity;
    }

    @GET
    public List<Map<String, String>> held() {
        return locks.all().stream().map(EstateLockResource::view).toList();
    }

    @GET
    @Path("/{estate}")
    public Response of(@PathParam("estate") String estate) {
        Map<String, String> lock = locks.of(estate).map(EstateLockResource::view).orElse(Map.of());
        return Response.ok(Map.of("lock", lock, "breaks", locks.breaks(estate))).build();
    }

    /** Body {@code {"reason": "…"}}: why the run holding the estate cannot end by itself. */
    @DELETE
    @Path("/{estate}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response breakLock(@PathParam("estate") String estate, Map<String, Object> body) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null || caller.getGroupIds() == null || !caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
            return refusal(Response.Status.FORBIDDEN, "only an administrator breaks an estate lock");
        }
        Object reason = body == null ? null : body.get("reason");
        if (!(reason instanceof String text) || text.isBlank()) {
            return refusal(Response.Status.BAD_REQUEST, "reason: say why the run that holds the estate cannot end by itself");
        }
        if (text.length() > REASON_LIMIT || SingleLine.firstControl(text) >= 0) {
            return refusal(Response.Status.BAD_REQUEST, "reason: one line of at most " + REASON_LIMIT + " characters");
        }
        return locks.breakLock(estate, caller.getUserId(), text.trim())
                .map(lock -> Response.ok(Map.of("broken", view(lock), "by", caller.getUserId(), "reason", text.trim())).build())
                .orElseGet(() -> refusal(Response.Status.NOT_FOUND, "estate '" + estate + "' is not locked"));
    }

    /** Plain strings: the REST API's JSON writer is the engine's, which knows no java.time types. */
    private static Map<String, String> view(EstateLocks.Lock lock) {
        return Map.of("estate", lock.estate(), "runKey", lock.runKey(), "heldBy", lock.heldBy() == null ? "" : lock.heldBy(),
                "since", lock.since().toString(), "processInstanceId", lock.processInstanceId());
    }

    private static Response refusal(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", status.getReasonPhrase(), "message", message)).build();
    }
}
