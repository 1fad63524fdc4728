package com.eceops.runbook.run;

import com.eceops.runbook.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.cluster.ClusterOperations;
import com.eceops.runbook.dfs.DfsOperations;
import com.eceops.runbook.ece.EceOperations;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.reportsdb.ReportsDbUtilityOperations;
import com.eceops.runbook.sql.SqlServerOperations;
import com.eceops.runbook.web.WebEndpointOperations;
import com.eceops.runbook.windows.WindowsOperations;

/** What a step works with: the run's estate, its key, and the operations of its mode. */
public record RunContext(RunKey key, Estate estate, WindowsOperations windows, SqlServerOperations sql,
                         ActiveDirectoryOperations activeDirectory, DfsOperations dfs, ClusterOperations cluster,
                         EceOperations ece, WebEndpointOperations web, ReportsDbUtilityOperations reportsDb) {
}
