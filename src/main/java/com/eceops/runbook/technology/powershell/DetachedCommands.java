package com.eceops.runbook.technology.powershell;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.eceops.runbook.estate.Secret;
import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.OperationFailedException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Commands that run longer than a delegate may wait (installers, service restarts, large copies) or that need
 * a fresh logon with network credentials. {@link #start} uploads the payload and a wrapper into a run folder and
 * starts them as a one-off scheduled task, which outlives the WinRM or SSH session; {@link #poll} asks whether it
 * still runs and, once it ended, brings back its exit code and the tail of its output; {@link #cleanUp} stops it
 * if needed, unregisters the task and removes the folder. Each call is a few short commands: a BPMN timer loop
 * polls, a delegate never waits.
 */
public class DetachedCommands {

    private static final Logger LOG = LoggerFactory.getLogger(DetachedCommands.class);

    private final PowerShellRunner runner;
    private final ScriptRecorder recorder;
    private final boolean plan;
    private final Duration commandTimeout;
    private volatile Duration pollInterval = Duration.ofSeconds(2);

    public DetachedCommands(RemoteSessions sessions, ScriptRecorder recorder, boolean plan, Duration commandTimeout) {
        this(new PowerShellRunner(sessions), recorder, plan, commandTimeout);
    }

    public DetachedCommands(PowerShellRunner runner, ScriptRecorder recorder, boolean plan, Duration commandTimeout) {
        this.runner = runner;
        this.recorder = recorder;
        this.plan = plan;
        this.commandTimeout = commandTimeout;
    }

    /** How long {@link #runToEnd} waits between polls. */
    void pollInterval(Duration interval) {
        this.pollInterval = interval;
    }

    /**
     * Starts the payload as the connected account (S4U logon: no stored password, no network credentials), to
     * end within {@code limit}, after which Task Scheduler stops it.
     */
    public DetachedHandle start(String host, String step, PowerShellScript payload, Duration limit) {
        return start(host, step, payload, limit, null);
    }

    /**
     * Starts the payload as a task registered with {@code route}'s account and password (a fresh logon that has
     * network credentials). The password goes to the registering script on standard input only.
     */
    public DetachedHandle start(String host, String step, PowerShellScript payload, Duration limit,
                                HopRoute.ScheduledTask route) {
        refuseSecrets(host, payload);
        String id = slug(step) + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String taskName = "runbook-" + id;
        String folder = DetachedScripts.RUNS + id;
        long minutes = Math.max(1, (limit.toSeconds() + 59) / 60);
        String runAs = route == null ? null : route.runAs();
        PowerShellScript starter = route == null
                ? DetachedScripts.startAsCurrentUser(folder, taskName, minutes)
                : DetachedScripts.startWithCredential(folder, taskName, minutes, runAs);
        DetachedHandle handle = new DetachedHandle(host, step, payload.operation(), id, taskName, folder, runAs, plan);
        if (plan) {
            String how = route == null ? "detached, scheduled task as the connected account"
                    : "detached, scheduled task as " + runAs + " with its password (" + SecretMasker.MASK + ")";
            recorder.record(host, step, payload.operation() + " (" + how + ")", payload.shown());
            recorder.record(host, step, starter.operation(), starter.shown());
            return handle;
        }
        runner.upload(host, folder + "\\" + DetachedScripts.PAYLOAD, payload.text(), commandTimeout);
        runner.upload(host, folder + "\\" + DetachedScripts.WRAPPER, DetachedScripts.wrapper().text(), commandTimeout);
        String password = route == null ? null : secretOf(route);
        runner.runWithInput(host, step, starter, commandTimeout, password);
        LOG.info("{} [{}]: '{}' started detached as task {}{}{}", host, step, payload.operation(),
                DetachedScripts.TASK_PATH, taskName, runAs == null ? "" : " (runs as " + runAs + ")");
        return handle;
    }

    /** One short look: still running, finished (exit code and output tail), or lost. */
    public DetachedStatus poll(DetachedHandle handle) {
        if (handle.planned()) {
            return new DetachedStatus.Finished(0, "", "");
        }
        JsonNode answer = runner.run(handle.host(), handle.step(), DetachedScripts.poll(handle.folder(), handle.taskName()),
                commandTimeout);
        String state = answer.path("state").asText("");
        return switch (state) {
            case "running" -> new DetachedStatus.Running(answer.path("taskState").asText("Running"));
            case "finished" -> new DetachedStatus.Finished(answer.path("exitCode").asInt(-1),
                    SecretMasker.mask(answer.path("stdout").asText("")),
                    SecretMasker.mask(ClixmlFilter.readable(answer.path("stderr").asText(""))));
            case "lost" -> new DetachedStatus.Lost("task " + handle.taskPath() + handle.taskName() + " is "
                    + answer.path("taskState").asText("?") + " and left no exit code (last task result "
                    + answer.path("lastTaskResult").asText("?") + ")");
            default -> throw new OperationFailedException(handle.host(), "poll a detached command",
                    "step " + handle.step() + ": unexpected answer " + SecretMasker.mask(answer.toString()));
        };
    }

    /** Stops the task if it still runs, unregisters it and removes its run folder. Safe to call twice. */
    public void cleanUp(DetachedHandle handle) {
        if (handle.planned()) {
            return;
        }
        JsonNode answer = runner.run(handle.host(), handle.step(), DetachedScripts.cleanUp(handle.folder(), handle.taskName()),
                commandTimeout);
        if (answer.path("stopped").asBoolean(false)) {
            LOG.warn("{} [{}]: detached '{}' was still running and was stopped", handle.host(), handle.step(), handle.operation());
        }
        if (!answer.path("removed").asBoolean(true)) {
            LOG.warn("{} [{}]: the run folder {} could not be removed", handle.host(), handle.step(), handle.folder());
        }
    }

    /**
     * For an operation that must answer at once but needs a scheduled task (a double hop): start, poll until it
     * ends or {@code limit} passes, always clean up. A payload that ran longer than the limit is reported as
     * timed out, its effect unknown.
     */
    public DetachedStatus.Finished runToEnd(String host, String step, PowerShellScript payload, Duration limit,
                                     HopRoute.ScheduledTask route) {
        DetachedHandle handle = start(host, step, payload, limit, route);
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (true) {
                DetachedStatus status = poll(handle);
                if (status instanceof DetachedStatus.Finished finished) {
                    return finished;
                }
                if (status instanceof DetachedStatus.Lost lost) {
                    throw new OperationFailedException(host, payload.operation(), "step " + step + ": " + lost.reason());
                }
                if (System.nanoTime() > deadline) {
                    throw new CommandTimedOutException(host, payload.operation(), "step " + step + ": '"
                            + SecretMasker.mask(payload.firstLine()) + "' still ran after " + limit.toSeconds()
                            + " s as a scheduled task; it is stopped, its effect is unknown");
                }
                sleep(pollInterval);
            }
        } finally {
            try {
                cleanUp(handle);
            } catch (RuntimeException e) {
                LOG.warn("{} [{}]: cleaning up {} failed: {}", host, step, handle.taskName(), SecretMasker.mask(e.getMessage()));
            }
        }
    }

    private String secretOf(HopRoute.ScheduledTask route) {
        Secret secret = runner.sessions().secret(route.credential());
        return secret.reveal();
    }

    /** A payload is written to a file on the server: a secret in it would rest on disk. */
    /** Why a script with a secret cannot run detached; a plan shows the same sentence. */
    public static final String NO_SECRET_IN_A_FILE =
            "a detached command cannot carry a secret: its script is written to a file on the server";

    private static void refuseSecrets(String host, PowerShellScript payload) {
        if (payload.carriesSecret()) {
            throw new OperationFailedException(host, payload.operation(), NO_SECRET_IN_A_FILE);
        }
    }

    private static String slug(String step) {
        String slug = step.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 24 ? slug.substring(0, 24) : slug;
        return slug.isEmpty() ? "step" : slug;
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a detached command", e);
        }
    }
}
