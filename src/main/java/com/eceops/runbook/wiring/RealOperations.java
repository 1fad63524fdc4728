package com.eceops.runbook.wiring;

import com.eceops.runbook.run.CurrentStep;
import com.eceops.runbook.run.RunKey;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.technology.dfs.DfsOperations;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.SecretResolver;
import com.eceops.runbook.technology.powershell.OverthereConnector;
import com.eceops.runbook.technology.cluster.ClusterOperations;
import com.eceops.runbook.technology.ece.EceOperations;
import com.eceops.runbook.technology.powershell.DetachedHandle;
import com.eceops.runbook.technology.activedirectory.PowerShellActiveDirectoryOperations;
import com.eceops.runbook.technology.cluster.PowerShellClusterOperations;
import com.eceops.runbook.technology.ece.PowerShellEceOperations;
import com.eceops.runbook.technology.dfs.PowerShellDfsOperations;
import com.eceops.runbook.technology.reportsdb.PowerShellReportsDbUtility;
import com.eceops.runbook.technology.windows.PowerShellWindowsOperations;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.RemoteTarget;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.reportsdb.ReportsDbUtilityOperations;
import com.eceops.runbook.technology.sql.JdbcSqlServerOperations;
import com.eceops.runbook.technology.sql.SqlServerOperations;
import com.eceops.runbook.technology.web.HttpWebEndpointOperations;
import com.eceops.runbook.technology.web.WebEndpointOperations;
import com.eceops.runbook.technology.windows.WindowsOperations;

/**
 * The real implementations for live runs, and the recording PowerShell implementation for plan runs. One
 * set of remote sessions per run: connections are made once per host and run and closed when idle.
 */
@Component
public class RealOperations {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration IDLE = Duration.ofMinutes(5);

    private final SecretResolver secrets;
    private final OverthereConnector connector;
    private final Map<String, RemoteSessions> sessions = new ConcurrentHashMap<>();
    /** Per run: the detached patch installer of each host, between its start and its polls. */
    private final Map<String, Map<String, DetachedHandle>> installers = new ConcurrentHashMap<>();
    private final HttpWebEndpointOperations web;

    RealOperations(SecretResolver secrets, HttpWebEndpointOperations web) {
        this.secrets = secrets;
        this.web = web;
        this.connector = new OverthereConnector(secrets::resolve, Duration.ofSeconds(30));
    }

    public WindowsOperations liveWindows(RunKey run, Estate estate) {
        RemoteSessions runSessions = sessions.computeIfAbsent(run.toString(),
                k -> new RemoteSessions(connector, RemoteTarget.of(estate), 2, IDLE));
        return new PowerShellWindowsOperations(runSessions, CurrentStep::get, ScriptRecorder.NONE, false, COMMAND_TIMEOUT);
    }

    /** post-7's utility over the same sessions as the run's Windows operations. */
    public ReportsDbUtilityOperations liveReportsDb(RunKey run, Estate estate) {
        RemoteSessions runSessions = sessions.computeIfAbsent(run.toString(),
                k -> new RemoteSessions(connector, RemoteTarget.of(estate), 2, IDLE));
        return new PowerShellReportsDbUtility(runSessions, CurrentStep::get, ScriptRecorder.NONE, false, COMMAND_TIMEOUT);
    }

    /** post-7's utility in plan mode: records the scripts (secrets masked), never connects. */
    public ReportsDbUtilityOperations recordingReportsDb(Estate estate, ScriptRecorder recorder) {
        RemoteSessions neverConnected = new RemoteSessions(connector, RemoteTarget.of(estate), 1, IDLE);
        return new PowerShellReportsDbUtility(neverConnected, CurrentStep::get, recorder, true, COMMAND_TIMEOUT);
    }

    /** pre-2 on the domain's management host, over the run's sessions (the host is one of its targets). */
    public ActiveDirectoryOperations liveActiveDirectory(RunKey run, Estate estate) {
        return new PowerShellActiveDirectoryOperations(sessionsOf(run, estate), estate, CurrentStep::get,
                ScriptRecorder.NONE, false, COMMAND_TIMEOUT);
    }

    /** pre-4 on the namespace servers, over the run's sessions. */
    public DfsOperations liveDfs(RunKey run, Estate estate) {
        return new PowerShellDfsOperations(sessionsOf(run, estate), estate.domain().fqdn(), CurrentStep::get,
                ScriptRecorder.NONE, false, COMMAND_TIMEOUT);
    }

    /** pre-2 in plan mode: records the scripts (the password masked, never resolved), never connects. */
    public ActiveDirectoryOperations recordingActiveDirectory(Estate estate, ScriptRecorder recorder) {
        RemoteSessions neverConnected = new RemoteSessions(connector, RemoteTarget.of(estate), 1, IDLE);
        return new PowerShellActiveDirectoryOperations(neverConnected, estate, CurrentStep::get, recorder, true, COMMAND_TIMEOUT);
    }

    /** pre-4 in plan mode: records the scripts, never connects. */
    public DfsOperations recordingDfs(Estate estate, ScriptRecorder recorder) {
        RemoteSessions neverConnected = new RemoteSessions(connector, RemoteTarget.of(estate), 1, IDLE);
        return new PowerShellDfsOperations(neverConnected, estate.domain().fqdn(), CurrentStep::get, recorder, true,
                COMMAND_TIMEOUT);
    }

    /** The failover cluster over the run's sessions. */
    public ClusterOperations liveCluster(RunKey run, Estate estate) {
        return new PowerShellClusterOperations(sessionsOf(run, estate), CurrentStep::get, ScriptRecorder.NONE, false,
                COMMAND_TIMEOUT);
    }

    /** The failover cluster in plan mode: records the scripts, never connects. */
    public ClusterOperations recordingCluster(Estate estate, ScriptRecorder recorder) {
        RemoteSessions neverConnected = new RemoteSessions(connector, RemoteTarget.of(estate), 1, IDLE);
        return new PowerShellClusterOperations(neverConnected, CurrentStep::get, recorder, true, COMMAND_TIMEOUT);
    }

    /** ECE over the run's sessions; its login page is read from the runbook host like final-5's. */
    public EceOperations liveEce(RunKey run, Estate estate) {
        return new PowerShellEceOperations(sessionsOf(run, estate), CurrentStep::get, ScriptRecorder.NONE, false,
                COMMAND_TIMEOUT, estate, liveWeb(), installers.computeIfAbsent(run.toString(), k -> new ConcurrentHashMap<>()));
    }

    /** ECE in plan mode: records the scripts, never connects. */
    public EceOperations recordingEce(Estate estate, ScriptRecorder recorder) {
        RemoteSessions neverConnected = new RemoteSessions(connector, RemoteTarget.of(estate), 1, IDLE);
        return new PowerShellEceOperations(neverConnected, CurrentStep::get, recorder, true, COMMAND_TIMEOUT, estate, liveWeb());
    }

    private RemoteSessions sessionsOf(RunKey run, Estate estate) {
        return sessions.computeIfAbsent(run.toString(), k -> new RemoteSessions(connector, RemoteTarget.of(estate), 2, IDLE));
    }

    public SqlServerOperations liveSql(Estate estate) {
        return new JdbcSqlServerOperations(estate, secrets);
    }

    /** The ECE URL seen from the runbook host; its Java trust store decides whether the ECE certificate is trusted. */
    public WebEndpointOperations liveWeb() {
        return web;
    }

    /**
     * PowerShell in plan mode never opens a connection for a change: it only records the script. It still
     * knows the estate's servers, because how a change would travel (the double-hop route) is in the plan.
     */
    public WindowsOperations recordingWindows(Estate estate, ScriptRecorder recorder) {
        RemoteSessions neverConnected = new RemoteSessions(connector, RemoteTarget.of(estate), 1, IDLE);
        return new PowerShellWindowsOperations(neverConnected, CurrentStep::get, recorder, true, COMMAND_TIMEOUT);
    }
}
