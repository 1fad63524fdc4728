package com.eceops.runbook.run;

import java.time.InstantSource;

import com.eceops.runbook.technology.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.technology.cluster.ClusterOperations;
import com.eceops.runbook.technology.dfs.DfsOperations;
import com.eceops.runbook.technology.ece.EceOperations;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.technology.reportsdb.ReportsDbUtilityOperations;
import com.eceops.runbook.technology.sql.SqlServerOperations;
import com.eceops.runbook.technology.web.WebEndpointOperations;
import com.eceops.runbook.technology.windows.WindowsOperations;

/**
 * What a step works with: the run's estate, its key, the operations of its mode, and the time the servers live in
 * (the wall clock for a live run, the lab's virtual clock for a rehearsal or plan), for waits measured against the
 * document's times.
 */
public record RunContext(RunKey key, Estate estate, WindowsOperations windows, SqlServerOperations sql,
                         ActiveDirectoryOperations activeDirectory, DfsOperations dfs, ClusterOperations cluster,
                         EceOperations ece, WebEndpointOperations web, ReportsDbUtilityOperations reportsDb,
                         InstantSource clock) {
}
