package com.eceops.runbook.procedure.reportsdb;

import com.eceops.runbook.technology.reportsdb.ReportsDbPropertiesText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * post-7, task 3: reportsdb_utility.properties with the document's values, escaped for Java. The file is read with
 * its passwords masked, so this step only ever knows whether they are set; they are resolved from their credential
 * references inside the operation that writes the file. Lines the document does not mention are kept.
 */
@Component("writeUtilityPropertiesDelegate")
class WriteUtilityPropertiesDelegate extends RunbookStep {

    WriteUtilityPropertiesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ReportsDbPlan plan = ReportsDbPlan.of(run.estate(), execution::getVariable);
        String current = read(run, plan);
        if (!differences(plan, current).isEmpty()) {
            String text = ReportsDbPropertiesText.withValues(current, plan.properties());
            run.reportsDb().writeProperties(plan.host(), plan.propertiesFile(), text, plan.secrets());
        }
        List<String> wrong = differences(plan, read(run, plan));
        if (!wrong.isEmpty()) {
            throw new OperationFailedException(plan.host(), "verify " + plan.propertiesFile(), String.join("; ", wrong));
        }
    }

    private static String read(RunContext run, ReportsDbPlan plan) {
        return run.reportsDb().readPropertiesMasked(plan.host(), plan.propertiesFile(), plan.secrets().keySet())
                .orElseThrow(() -> new OperationFailedException(plan.host(), "read " + plan.propertiesFile(),
                        "the file is not there; copy the utility first"));
    }

    /** What the file says otherwise than the document wants; secrets only as "not set". */
    static List<String> differences(ReportsDbPlan plan, String maskedText) {
        Map<String, String> actual = ReportsDbPropertiesText.parse(maskedText);
        List<String> wrong = new ArrayList<>();
        plan.properties().forEach((key, wanted) -> {
            if (ReportsDbPropertiesText.SECRET_KEYS.contains(key)) {
                if (!ReportsDbPropertiesText.MASK.equals(actual.get(key))) {
                    wrong.add(key + " is not set");
                }
            } else if (!(ReportsDbPropertiesText.OPTIONAL_KEYS.contains(key) && !actual.containsKey(key))
                    && !wanted.equals(actual.get(key))) {
                wrong.add(key + " is " + (actual.containsKey(key) ? "'" + actual.get(key) + "'" : "missing")
                        + ", not '" + wanted + "'");
            }
        });
        return wrong;
    }
}
