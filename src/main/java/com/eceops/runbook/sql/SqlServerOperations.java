package com.eceops.runbook.sql;

/**
 * What the runbook does to a SQL Server instance. The rehearsal lab implements it against the simulated
 * estate; the real implementation renders T-SQL and runs it through mssql-jdbc. Instances are addressed by
 * the collocated server that hosts them.
 */
public interface SqlServerOperations {

    /** Reads edition, version, instance name and whether AlwaysOn (HADR) is enabled. */
    SqlServerFacts readFacts(String host);
}
