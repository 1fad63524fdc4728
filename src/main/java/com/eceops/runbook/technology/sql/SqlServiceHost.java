package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.technology.powershell.RoutedScripts;
import com.eceops.runbook.technology.powershell.ScriptContext;
import java.time.Duration;
import java.util.Optional;

/**
 * What an instance needs done on its host rather than in T-SQL: the AlwaysOn setting and the service restart,
 * by PowerShell over the run's remote sessions; recorded, never sent, in a plan. The service names follow the
 * instance: MSSQLSERVER and SQLSERVERAGENT for the default one, MSSQL$NAME and SQLAgent$NAME for a named one.
 */
public final class SqlServiceHost {

    /** The restart waits up to {@link SqlHostScripts#RESTART_WAIT_SECONDS} per service: longer than one command. */
    private static final Duration RESTART = Duration.ofSeconds(2L * SqlHostScripts.RESTART_WAIT_SECONDS + 60);

    private final Estate estate;
    private final RoutedScripts quick;
    private final RoutedScripts restart;

    public SqlServiceHost(ScriptContext context, Estate estate) {
        this.estate = estate;
        this.quick = new RoutedScripts(context);
        this.restart = new RoutedScripts(context.atLeast(RESTART));
    }

    Change enableAlwaysOn(String host) {
        return quick.change(host, SqlHostScripts.enableAlwaysOn(serverInstance(host)), Optional.empty());
    }

    Change restartSqlService(String host) {
        Optional<String> named = instanceName(host);
        return restart.change(host, SqlHostScripts.restartSqlService(named.map(n -> "MSSQL$" + n).orElse("MSSQLSERVER"),
                named.map(n -> "SQLAgent$" + n).orElse("SQLSERVERAGENT")), Optional.empty());
    }

    /** HOST for the default instance, HOST\NAME for a named one: what -ServerInstance expects. */
    private String serverInstance(String host) {
        return instanceName(host).map(n -> host + "\\" + n).orElse(host);
    }

    private Optional<String> instanceName(String host) {
        return estate.collocatedServers().stream().filter(s -> s.name().equalsIgnoreCase(host)).findFirst()
                .map(Server::sqlInstance).filter(n -> !n.isBlank() && !n.equalsIgnoreCase("MSSQLSERVER"));
    }
}
