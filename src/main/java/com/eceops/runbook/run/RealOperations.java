package com.eceops.runbook.run;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.eceops.runbook.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.dfs.DfsOperations;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.SecretResolver;
import com.eceops.runbook.remote.OverthereConnector;
import com.eceops.runbook.remote.PowerShellActiveDirectoryOperations;
import com.eceops.runbook.remote.PowerShellDfsOperations;
import com.eceops.runbook.remote.PowerShellReportsDbUtility;
import com.eceops.runbook.remote.PowerShellWindowsOperations;
import com.eceops.runbook.remote.RemoteSessions;
import com.eceops.runbook.remote.RemoteTarget;
import com.eceops.runbook.remote.ScriptRecorder;
import com.eceops.runbook.reportsdb.ReportsDbUtilityOperations;
import com.eceops.runbook.sql.JdbcSqlServerOperations;
import com.eceops.runbook.sql.SqlServerOperations;
import com.eceops.runbook.web.HttpWebEndpointOperations;
import com.eceops.runbook.web.WebEndpointOperations;
import com.eceops.runbook.windows.WindowsOperations;

/**
 * The real implementations for live runs, and the recording PowerShell implementation for plan runs. One
 * set of remote sessions per run: connections are made once per host and run and closed when idle.
 */
@Component
class RealOperations {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration IDLE = Duration.ofMinutes(5);

    private final SecretResolver secrets;
    private final OverthereConnector connector;
    private final Map<String, RemoteSessions> sessions = new ConcurrentHashMap<>();
    private final HttpWebEndpointOperations web;

    RealOperations(SecretResolver secrets, HttpWebEndpointOperations web) {
        this.secrets = secrets;
        this.web = web;
        this.connector = new OverthereConnector(secrets::resolve, Duration.ofSeconds(30));
    }

    WindowsOperations liveWindows(RunKey run, Estate estate) {
        RemoteSessions runSessions = sessions.computeIfAbsent(run.toString(),
                k -> new RemoteSessions(connector, RemoteTarget.of(estate), 2, IDLE));
        return new PowerShellWindowsOperations(runSessions, CurrentStep::get, ScriptRecorder.NONE, false, COMMAND_TIMEOUT);
    }

    /** post-7's utility over the same sessions as the run's Windows operations. */
    ReportsDbUtilityOperations liveReportsDb(RunKey run, Estate estate) {
        RemoteSessions runSessions = sessions.computeIfAbsent(run.toString(),
                k -> new RemoteSessions(connector, RemoteTarget.of(estate), 2, IDLE));
        return new PowerShellReportsDbUtility(runSessions, CurrentStep::get, ScriptRecorder.NONE, false, COMMAND_TIMEOUT);
    }

    /** post-7's utility in plan mode: records the scripts (secrets masked), never connects. */
    ReportsDbUtilityOperations recordingReportsDb(Estate estate, ScriptRecorder recorder) {
        RemoteSessions neverConnected = new RemoteSessions(connector, RemoteTarget.of(estate), 1, IDLE);
        return new PowerShellReportsDbUtility(neverConnected, CurrentStep::get, recorder, true, COMMAND_TIMEOUT);
    }

    /** pre-2 on the domain's management host, over the run's sessions (the host is one of its targets). */
    ActiveDirectoryOperations liveActiveDirectory(RunKey run, Estate estate) {
        return new PowerShellActiveDirectoryOperations(sessionsOf(run, estate), estate, CurrentStep::get,
                ScriptRecorder.NONE, false, COMMAND_TIMEOUT);
    }

    /** pre-4 on the namespace servers, over the run's sessions. */
    DfsOperations liveDfs(RunKey run, Estate estate) {
        return new PowerShellDfsOperations(sessionsOf(run, estate), estate.domain().fqdn(), CurrentStep::get,
                ScriptRecorder.NONE, false, COMMAND_TIMEOUT);
    }

    /** pre-2 in plan mode: records the scripts (the password masked, never resolved), never connects. */
    ActiveDirectoryOperations recordingActiveDirectory(Estate estate, ScriptRecorder recorder) {
        RemoteSessions neverConnected = new RemoteSessions(connector, RemoteTarget.of(estate), 1, IDLE);
        return new PowerShellActiveDirectoryOperations(neverConnected, estate, CurrentStep::get, recorder, true, COMMAND_TIMEOUT);
    }

    /** pre-4 in plan mode: records the scripts, never connects. */
    DfsOperations recordingDfs(Estate estate, ScriptRecorder recorder) {
        RemoteSessions neverConnected = new RemoteSessions(connector, RemoteTarget.of(estate), 1, IDLE);
        return new PowerShellDfsOperations(neverConnected, estate.domain().fqdn(), CurrentStep::get, recorder, true,
                COMMAND_TIMEOUT);
    }

    private RemoteSessions sessionsOf(RunKey run, Estate estate) {
        return sessions.computeIfAbsent(run.toString(), k -> new RemoteSessions(connector, RemoteTarget.of(estate), 2, IDLE));
    }

    SqlServerOperations liveSql(Estate estate) {
        return new JdbcSqlServerOperations(estate, secrets);
    }

    /** The ECE URL seen from the runbook host; its Java trust store decides whether the ECE certificate is trusted. */
    WebEndpointOperations liveWeb() {
        return web;
    }

    /**
     * PowerShell in plan mode never opens a connection for a change: it only records the script. It still
     * knows the estate's servers, because how a change would travel (the double-hop route) is in the plan.
     */
    WindowsOperations recordingWindows(Estate estate, ScriptRecorder recorder) {
        RemoteSessions neverConnected = new RemoteSessions(connector, RemoteTarget.of(estate), 1, IDLE);
        return new PowerShellWindowsOperations(neverConnected, CurrentStep::get, recorder, true, COMMAND_TIMEOUT);
    }
}
