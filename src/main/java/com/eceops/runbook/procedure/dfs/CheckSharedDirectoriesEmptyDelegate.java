package com.eceops.runbook.procedure.dfs;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-4.3: before the replication group exists, the shared directories of both members must be empty, or the
 * primary member's files would win. Files found stop the section with {@code SharedDirectoriesNotEmpty} and are
 * listed for the operator. Once the group exists (a re-run) there is nothing to check. Only reads.
 */
@Component("checkSharedDirectoriesEmptyDelegate")
class CheckSharedDirectoriesEmptyDelegate extends RunbookStep {

    CheckSharedDirectoriesEmptyDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        DfsPlan plan = DfsPlan.of(run.estate());
        List<String> found = new ArrayList<>();
        if (!run.dfs().readReplicationGroup(plan.sideA(), plan.group()).exists()) {
            for (String member : plan.members()) {
                run.windows().listFiles(member, plan.sharedDirectory())
                        .forEach(f -> found.add(member + ": " + plan.sharedDirectory() + "\\" + f));
            }
        }
        DfsVariables.SHARED_DIRECTORY_FILES.set(execution, String.join("\n", found));
        if (!found.isEmpty()) {
            throw new BpmnError(DfsVariables.NOT_EMPTY, "the shared directories are not empty: " + found);
        }
    }
}
