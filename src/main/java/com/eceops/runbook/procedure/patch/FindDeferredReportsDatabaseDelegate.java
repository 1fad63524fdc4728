package com.eceops.runbook.procedure.patch;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.procedure.reportsdb.ReportsDbVariables;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.procedure.eceinstall.EceVariables;

/**
 * post-7 after a patch on ECE 12.0: the media's ReportsDB utility does not work there, so Install ECE HA left
 * post-7 for the first ES, whose unzipped folder on side A carries a working one. The document's own hint names
 * the replica that was secondary at install time: it is the one without SSISDB, because setup created SSISDB on
 * the primary and only the utility creates it on the secondary. SSISDB on both replicas means post-7 ran already.
 * Reads only; sets {@code reportsDatabaseDeferred}, and when it is true the ReportsDatabase section's inputs.
 */
@Component("findDeferredReportsDatabaseDelegate")
class FindDeferredReportsDatabaseDelegate extends RunbookStep {

    FindDeferredReportsDatabaseDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        Estate estate = run.estate();
        if (estate.ece().reportsUtilityOnMedia()) {
            defer(execution, false, "ECE " + estate.ece().version() + ": post-7 ran with the media's utility at install time");
            return;
        }
        List<Server> withoutCatalog = estate.collocatedServers().stream()
                .filter(server -> run.sql().readDatabases(server.name()).stream().noneMatch(d -> "SSISDB".equalsIgnoreCase(d.name())))
                .toList();
        if (withoutCatalog.isEmpty()) {
            defer(execution, false, "SSISDB is on both replicas: post-7 ran after an earlier patch");
            return;
        }
        if (withoutCatalog.size() > 1) {
            throw new OperationFailedException(estate.availabilityGroup().listenerName(), "find the install-time secondary replica",
                    "no replica has SSISDB, so the install-time primary cannot be told; setup creates SSISDB on the primary (inst-1.1)");
        }
        Server secondary = withoutCatalog.get(0);
        Server primary = estate.collocatedServers().stream().filter(s -> !s.equals(secondary)).findFirst().orElseThrow();
        Server sideA = estate.sideA().collocated();
        String source = PatchStaging.on(sideA, PatchVariables.PATCH_FILE.in(execution)).folder();
        EceVariables.PRIMARY_REPLICA.set(execution, primary.name());
        EceVariables.SECONDARY_REPLICA.set(execution, secondary.name());
        EceVariables.SECONDARY_REPLICA_FQDN.set(execution, estate.fqdn(secondary.name()));
        ReportsDbVariables.SOURCE.set(execution, source);
        defer(execution, true, "ECE " + estate.ece().version() + ": post-7 waited for this patch; " + secondary.name()
                + " has no SSISDB, so it was the secondary at install time; the utility comes from " + source);
    }

    private static void defer(DelegateExecution execution, boolean runNow, String report) {
        ReportsDbVariables.DEFERRED.set(execution, runNow);
        PatchVariables.REPORTS_DATABASE_AFTER_PATCH_REPORT.set(execution, report);
    }
}
