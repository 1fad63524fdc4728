package com.eceops.runbook.procedure.checkpoint;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.procedure.availabilitygroup.AvailabilityGroupVariables;

/**
 * pre-chk: checks each item of the document's configuration checkpoint and writes a summary, one line per item
 * with PASS or FAIL and what was seen. Failover "tested both ways" can only come from the run's record
 * ({@code failoverTestedBy} from the availability group section). Only reads.
 */
@Component("checkConfigurationCheckpointDelegate")
class CheckConfigurationCheckpointDelegate extends RunbookStep {

    CheckConfigurationCheckpointDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        Estate estate = run.estate();
        String a = estate.sideA().collocated().name();
        List<String> lines = new ArrayList<>();
        boolean passed = true;
        for (Server web : estate.webServers()) {
            boolean ok = run.windows().isReachable(web.name()) && run.windows().readHostFacts(web.name()).osCaption().contains("2016");
            passed &= item(lines, ok, "web server " + web.name() + " deployed with Windows Server 2016 and reachable");
        }
        for (Server server : estate.collocatedServers()) {
            var facts = run.sql().readFacts(server.name());
            passed &= item(lines, facts.isEnterprise() && facts.isSqlServer2016(), "collocated server " + server.name()
                    + ": SQL Server " + facts.productVersion() + " " + facts.edition());
        }
        var ns = run.dfs().readNamespace(a, estate.dfs().root());
        passed &= item(lines, ns.exists() && ns.servers().size() == 2
                        && ns.folderTargets().keySet().stream().anyMatch(estate.dfs().folder()::equalsIgnoreCase),
                "DFS domain namespace " + estate.dfs().path() + " on " + ns.servers() + ", folders " + ns.folderTargets().keySet());
        var group = run.dfs().readReplicationGroup(a, estate.dfs().folder());
        passed &= item(lines, group.exists() && group.members().size() == 2 && group.fullMesh(),
                "DFS replication group " + group.name() + ": members " + group.members() + (group.fullMesh() ? ", full mesh" : ""));
        var cluster = run.cluster().readCluster(a);
        passed &= item(lines, cluster.exists() && estate.cluster().name().equalsIgnoreCase(cluster.name())
                        && cluster.nodeStates().values().stream().allMatch("Up"::equals)
                        && "NodeAndFileShareMajority".equals(cluster.quorumType()),
                "WSFC " + cluster.name() + ": nodes " + cluster.nodeStates() + ", quorum " + cluster.quorumType() + " "
                        + cluster.witnessPath());
        var ag = run.sql().readAvailabilityGroup(a, estate.availabilityGroup().name());
        String seeding = estate.databases().seedingDatabase();
        passed &= item(lines, ag.healthy() && ag.databases().stream().anyMatch(d -> d.database().equalsIgnoreCase(seeding)),
                "availability group " + ag.name() + (ag.exists() ? ": primary " + ag.primary() + ", " + (ag.healthy()
                        ? "healthy and synchronized" : "not healthy") + ", test database " + seeding : ": absent"));
        String testedBy = AvailabilityGroupVariables.FAILOVER_TESTED_BY.from(execution).orElse(null);
        passed &= item(lines, testedBy != null, "failover tested both ways"
                + (testedBy == null ? ": no record in this run" : " (by the " + testedBy + ")"));
        CheckpointVariables.SUMMARY.set(execution, String.join("\n", lines));
        CheckpointVariables.PASSED.set(execution, passed);
    }

    private static boolean item(List<String> lines, boolean ok, String text) {
        lines.add("- " + (ok ? "PASS" : "FAIL") + " " + text);
        return ok;
    }
}
