package com.eceops.runbook.procedure.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.windows.AccessRule;

/**
 * pre-5.2: checks the quorum share a person entered before it becomes the witness: a UNC path, outside the DFS
 * namespace and its folder targets, not on a cluster node, reachable from both nodes, and writable by the
 * cluster's computer account (an Allow rule for it, or for a group every computer is in). Any reason found
 * goes back to the person's task as {@code witnessShareProblem}. Only reads.
 */
@Component("verifyWitnessShareDelegate")
class VerifyWitnessShareDelegate extends RunbookStep {

    private static final Pattern UNC = Pattern.compile("^\\\\\\\\[A-Za-z0-9.-]+\\\\[^\\\\/:*?\"<>|]+(\\\\[^/:*?\"<>|]+)*\\\\?$");
    private static final Set<String> WRITE_RIGHTS = Set.of("FULLCONTROL", "MODIFY", "WRITE");
    private static final Set<String> EVERY_COMPUTER = Set.of("EVERYONE", "NT AUTHORITY\\AUTHENTICATED USERS");

    VerifyWitnessShareDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String path = ClusterVariables.WITNESS_SHARE_PATH.orElse(execution, "").trim();
        List<String> problems = problems(path, run);
        ClusterVariables.WITNESS_SHARE_PROBLEM.set(execution, String.join("; ", problems));
        if (!problems.isEmpty()) {
            throw new BpmnError(ClusterVariables.WITNESS_SHARE_UNSUITABLE, path + ": " + String.join("; ", problems));
        }
        ClusterVariables.WITNESS_SHARE_PATH.set(execution, path);
    }

    private static List<String> problems(String path, RunContext run) {
        if (!UNC.matcher(path).matches()) {
            return List.of("'" + path + "' is not a UNC path such as \\\\fileserver\\ClusterWitness");
        }
        Estate estate = run.estate();
        ClusterPlan plan = ClusterPlan.of(estate);
        String server = path.substring(2).split("\\\\")[0];
        String shortServer = server.split("\\.")[0].toUpperCase(Locale.ROOT);
        if (server.equalsIgnoreCase(estate.domain().fqdn()) || server.equalsIgnoreCase(estate.domain().netbios())) {
            return List.of("it is in the domain's DFS namespace; the witness must not be part of the DFS share");
        }
        String shareName = path.substring(2).split("\\\\")[1];
        if (plan.nodes().stream().anyMatch(n -> n.equalsIgnoreCase(shortServer))) {
            return List.of(shareName.equalsIgnoreCase(shareOf(estate.paths().sharedDirectory()))
                    ? "it is a DFS folder target (the ECE shared directory); the witness must not be part of the DFS share"
                    : "it is on cluster node " + shortServer + "; the witness must survive the loss of either node");
        }
        List<String> problems = new ArrayList<>();
        for (String node : plan.nodes()) {
            try {
                run.windows().listFiles(node, path);
            } catch (OperationFailedException e) {
                problems.add("not reachable from " + node + " (" + e.getMessage() + ")");
            }
        }
        if (problems.isEmpty() && !writableBy(run.windows().readAccessRules(plan.sideA(), path), plan.account())) {
            problems.add("the cluster's computer account " + plan.account() + " may not write to it (grant it Full Control)");
        }
        return problems;
    }

    private static String shareOf(String localPath) {
        return localPath.substring(localPath.lastIndexOf('\\') + 1);
    }

    private static boolean writableBy(List<AccessRule> rules, String account) {
        boolean denied = rules.stream().anyMatch(r -> r.deny() && r.identity().equalsIgnoreCase(account));
        boolean allowed = rules.stream().anyMatch(r -> !r.deny()
                && (r.identity().equalsIgnoreCase(account) || EVERY_COMPUTER.contains(r.identity().toUpperCase(Locale.ROOT)))
                && WRITE_RIGHTS.contains(r.rights().toUpperCase(Locale.ROOT)));
        return allowed && !denied;
    }
}
