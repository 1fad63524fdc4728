package com.eceops.runbook.technology.reportsdb;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.Answers;
import com.eceops.runbook.technology.powershell.DetachedHandle;
import com.eceops.runbook.technology.powershell.DetachedStatus;
import com.eceops.runbook.technology.powershell.HopRoute;
import com.eceops.runbook.technology.powershell.PowerShellScript;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.RemoteTarget;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.windows.PowerShellWindowsOperations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Secret;
import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.reportsdb.ReportsDbPropertiesText;
import com.eceops.runbook.technology.reportsdb.ReportsDbUtilityOperations;
import com.eceops.runbook.technology.reportsdb.UtilityRun;
import com.eceops.runbook.technology.reportsdb.UtilityStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * post-7 on real servers, through the same remote layer as {@link PowerShellWindowsOperations}: its reads and
 * changes (double-hop route, plan recording) and its detached commands. The two passwords of the properties file
 * are resolved here, in {@link #writeProperties}, and travel only as masked script parameters; in plan mode they
 * are not resolved at all.
 */
public class PowerShellReportsDbUtility implements ReportsDbUtilityOperations {

    /** "This can take several minutes": a run still going after an hour is stopped by Task Scheduler. */
    static final Duration RUN_LIMIT = Duration.ofMinutes(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PowerShellWindowsOperations windows;
    private final RemoteSessions sessions;
    private final Supplier<String> step;
    private final boolean plan;

    public PowerShellReportsDbUtility(ScriptContext context) {
        this.windows = new PowerShellWindowsOperations(context);
        this.sessions = context.sessions();
        this.step = context.step();
        this.plan = context.plan();
    }

    @Override
    public Change copyDirectory(String host, String source, String target) {
        return windows.change(host, ReportsDbScripts.copyDirectory(source, target));
    }

    @Override
    public Change writeProperties(String host, String path, String text, Map<String, CredentialRef> secrets) {
        List<String> keys = new ArrayList<>(secrets.keySet());
        List<Secret> values = new ArrayList<>();
        for (String key : keys) {
            if (!ReportsDbPropertiesText.SECRET_KEYS.contains(key)) {
                throw new OperationFailedException(host, "write properties file", key + " is not a secret key");
            }
            // Plan mode shows the script with the secrets masked and must not need them: nothing is resolved.
            values.add(plan ? new Secret(new char[0]) : escaped(sessions.secret(secrets.get(key))));
        }
        return windows.change(host, ReportsDbScripts.writeProperties(path, text, keys, values));
    }

    private static Secret escaped(Secret secret) {
        return new Secret(ReportsDbPropertiesText.escapeValue(secret.reveal()).toCharArray());
    }

    @Override
    public Optional<String> readPropertiesMasked(String host, String path, Set<String> secretKeys) {
        Answers.FileContent file = windows.read(host, ReportsDbScripts.readPropertiesMasked(path, List.copyOf(secretKeys)),
                Answers.FileContent.class);
        // Masked on the server; masked again here in case a secret also sits under another key.
        return file.exists() ? Optional.of(SecretMasker.mask(file.content() == null ? "" : file.content())) : Optional.empty();
    }

    /**
     * The utility logs on to SQL Server on the secondary replica, a second machine, so it runs as a scheduled task
     * registered with the connection's account and password (a fresh logon with network credentials), whatever the
     * server's doubleHop says for other commands; a server reached with an SSH key has no password to register.
     */
    @Override
    public UtilityRun startCreateDbObjects(String host, String directory) {
        RemoteTarget target = sessions.target(host);
        PowerShellScript payload = ReportsDbScripts.runCreateDbObjects(directory);
        Connection connection = target.connection();
        if (connection.privateKeyFile().isPresent()) {
            throw new OperationFailedException(host, payload.operation(), "the utility needs network credentials, and a"
                    + " server reached with an SSH key has no password to register its scheduled task with");
        }
        HopRoute.ScheduledTask route = new HopRoute.ScheduledTask(target.host(), connection.user(), connection.credential());
        DetachedHandle handle = windows.detached().start(target.host(), step.get(), payload, RUN_LIMIT, route);
        try {
            return new UtilityRun(host, directory, JSON.writeValueAsString(handle));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A finished run's task and folder are left for a look when it failed, removed when it succeeded. */
    @Override
    public UtilityStatus poll(UtilityRun run) {
        DetachedHandle handle = handle(run);
        DetachedStatus status = windows.detached().poll(handle);
        if (status instanceof DetachedStatus.Finished finished) {
            if (finished.succeeded()) {
                windows.detached().cleanUp(handle);
            }
            return new UtilityStatus.Finished(finished.exitCode(), finished.outputTail());
        }
        if (status instanceof DetachedStatus.Lost lost) {
            return new UtilityStatus.Lost(lost.reason());
        }
        return new UtilityStatus.Running();
    }

    private static DetachedHandle handle(UtilityRun run) {
        try {
            return JSON.readValue(run.handle(), DetachedHandle.class);
        } catch (JsonProcessingException e) {
            throw new OperationFailedException(run.host(), "poll the ReportsDB utility", "not a detached command handle");
        }
    }

    @Override
    public Optional<String> readLogTail(String host, String directory) {
        Answers.FileContent log = windows.read(host, ReportsDbScripts.readLogTail(directory), Answers.FileContent.class);
        return log.exists() ? Optional.of(SecretMasker.mask(log.content() == null ? "" : log.content())) : Optional.empty();
    }
}
