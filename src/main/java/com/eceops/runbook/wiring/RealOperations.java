package com.eceops.runbook.wiring;

import java.time.InstantSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.SecretResolver;
import com.eceops.runbook.run.CurrentStep;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunKey;
import com.eceops.runbook.technology.activedirectory.PowerShellActiveDirectoryOperations;
import com.eceops.runbook.technology.cluster.PowerShellClusterOperations;
import com.eceops.runbook.technology.dfs.PowerShellDfsOperations;
import com.eceops.runbook.technology.ece.PowerShellEceOperations;
import com.eceops.runbook.technology.powershell.DetachedHandle;
import com.eceops.runbook.technology.powershell.OverthereConnector;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.RemoteTarget;
import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.reportsdb.PowerShellReportsDbUtility;
import com.eceops.runbook.technology.sql.JdbcSqlServerOperations;
import com.eceops.runbook.technology.sql.LiveSqlServerOperations;
import com.eceops.runbook.technology.sql.SqlServiceHost;
import com.eceops.runbook.technology.web.HttpWebEndpointOperations;
import com.eceops.runbook.technology.windows.PowerShellWindowsOperations;

/**
 * The real implementations: the set a live run works with, and the recording set a plan run records what it
 * would send with. A run's remote sessions (connections made once per host, closed when idle) and the handles
 * of its detached patch installers are kept for the run and {@linkplain #release released} when it ends.
 */
@Component
public class RealOperations {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration IDLE = Duration.ofMinutes(5);

    private final SecretResolver secrets;
    private final OverthereConnector connector;
    private final HttpWebEndpointOperations web;
    private final Map<String, RemoteSessions> sessions = new ConcurrentHashMap<>();
    /** Per run: the detached patch installer of each host, between its start and its polls. */
    private final Map<String, Map<String, DetachedHandle>> installers = new ConcurrentHashMap<>();

    RealOperations(SecretResolver secrets, HttpWebEndpointOperations web) {
        this.secrets = secrets;
        this.web = web;
        this.connector = new OverthereConnector(secrets::resolve, Duration.ofSeconds(30));
    }

    /** What a live run sends: PowerShell over the run's sessions, T-SQL over mssql-jdbc, HTTPS from this host. */
    public RunContext live(RunKey run, Estate estate) {
        ScriptContext context = ScriptContext.live(sessionsOf(run, estate, 2), CurrentStep::get, COMMAND_TIMEOUT);
        JdbcSqlServerOperations tsql = new JdbcSqlServerOperations(estate, secrets);
        return of(run, estate, context, tsql, installers.computeIfAbsent(run.toString(), k -> new ConcurrentHashMap<>()));
    }

    /**
     * What a plan run records: every change's script to {@code scripts} and every change's T-SQL to
     * {@code statements}, secrets masked, per host or server and step. Nothing connects: the sessions only
     * know the estate's servers, because how a change would travel (the double-hop route) is in the plan.
     */
    public RunContext recording(RunKey run, Estate estate, ScriptRecorder scripts, ScriptRecorder statements) {
        ScriptContext context = ScriptContext.recording(sessionsOf(run, estate, 1), CurrentStep::get, scripts, COMMAND_TIMEOUT);
        return of(run, estate, context, JdbcSqlServerOperations.recording(estate, statements, CurrentStep::get),
                new ConcurrentHashMap<>());
    }

    /** Closes the run's sessions and forgets its installer handles; a run not known here is left alone. */
    public void release(String run) {
        installers.remove(run);
        RemoteSessions released = sessions.remove(run);
        if (released != null) {
            released.close();
        }
    }

    /** Whether the run holds sessions or installer handles now. */
    boolean holds(String run) {
        return sessions.containsKey(run) || installers.containsKey(run);
    }

    private RunContext of(RunKey run, Estate estate, ScriptContext context, JdbcSqlServerOperations tsql,
                          Map<String, DetachedHandle> runInstallers) {
        return new RunContext(run, estate, new PowerShellWindowsOperations(context),
                new LiveSqlServerOperations(tsql, new SqlServiceHost(context, estate)),
                new PowerShellActiveDirectoryOperations(context, estate),
                new PowerShellDfsOperations(context, estate.domain().fqdn()),
                new PowerShellClusterOperations(context),
                // ECE's login page is read from the runbook host like final-5's.
                new PowerShellEceOperations(context, estate, web, runInstallers),
                web, new PowerShellReportsDbUtility(context), InstantSource.system());
    }

    private RemoteSessions sessionsOf(RunKey run, Estate estate, int perHost) {
        return sessions.computeIfAbsent(run.toString(), k -> new RemoteSessions(connector, RemoteTarget.of(estate), perHost, IDLE));
    }
}
