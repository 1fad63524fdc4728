package com.eceops.runbook.procedure.cluster;

import com.eceops.runbook.technology.cluster.ValidationReport;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * pre-5.1: validates both nodes and keeps the report's summary. Failures stop the section with
 * {@code ClusterValidationFailed}; warnings go to an operator's review. Validation changes nothing.
 */
@Component("validateClusterDelegate")
class ValidateClusterDelegate extends RunbookStep {

    ValidateClusterDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        ClusterPlan plan = ClusterPlan.of(run.estate());
        ValidationReport report = run.cluster().validateCluster(plan.sideA(), plan.nodes());
        String failures = String.join("\n", report.failures());
        String warnings = String.join("\n", report.warnings());
        ClusterVariables.VALIDATION_REPORT.set(execution, report.failures().size() + " failures, "
                + report.warnings().size() + " warnings" + (failures.isEmpty() ? "" : "\nFailures:\n" + failures)
                + (warnings.isEmpty() ? "" : "\nWarnings:\n" + warnings));
        ClusterVariables.VALIDATION_FAILURES.set(execution, failures);
        ClusterVariables.VALIDATION_WARNINGS.set(execution, warnings);
        ClusterVariables.WARNINGS_TO_REVIEW.set(execution, !report.warnings().isEmpty());
        ClusterVariables.WARNINGS_ACCEPTED.set(execution, false);
        if (!report.passed()) {
            throw new BpmnError(ClusterVariables.VALIDATION_FAILED, "cluster validation failed: " + failures);
        }
    }
}
