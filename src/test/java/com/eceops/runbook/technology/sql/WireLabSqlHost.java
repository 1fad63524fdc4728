package com.eceops.runbook.technology.sql;

import static com.eceops.runbook.technology.powershell.WireAnswers.changed;

import com.eceops.runbook.technology.powershell.WireScript;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL Server host half of the wire lab: pre-6.1's PowerShell on a collocated server (Enable-SqlAlwaysOn, the
 * service restart) applied to the lab's instance there, answered in the scripts' JSON shape.
 */
public record WireLabSqlHost(String host, SqlServerOperations lab) {

    /** The operations that change a server: a plan records exactly these. */
    public static final Set<String> CHANGES = Set.of("enable AlwaysOn", "restart the SQL Server service");

    /** The answer to a pre-6.1 script, or empty when the script is not one. */
    public Optional<Object> answer(WireScript s) {
        return Optional.ofNullable(switch (s.operation()) {
            case "enable AlwaysOn" -> {
                String instance = s.text("ServerInstance");
                if (!instance.equalsIgnoreCase(host) && !instance.toUpperCase().startsWith(host.toUpperCase() + "\\")) {
                    throw new IllegalStateException("Enable-SqlAlwaysOn: no instance " + instance + " on " + host);
                }
                yield changed(lab.enableAlwaysOn(host));
            }
            case "restart the SQL Server service" -> {
                String instance = lab.readFacts(host).instanceName();
                boolean isDefault = instance == null || instance.equalsIgnoreCase("MSSQLSERVER");
                String engine = isDefault ? "MSSQLSERVER" : "MSSQL$" + instance;
                String agent = isDefault ? "SQLSERVERAGENT" : "SQLAgent$" + instance;
                if (!s.text("EngineService").equalsIgnoreCase(engine)) {
                    throw new IllegalStateException("no such service: " + s.text("EngineService"));
                }
                if (!s.text("AgentService").equalsIgnoreCase(agent)) {
                    throw new IllegalStateException("no such service: " + s.text("AgentService"));
                }
                yield changed(lab.restartSqlService(host));
            }
            default -> null;
        });
    }
}
