package com.eceops.runbook.procedure.availabilitygroup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;
import com.eceops.runbook.technology.windows.FirewallRule;

/**
 * pre-6.3 (endpoints and listener tabs: "ensure that the port numbers are open and that the firewall rules have been
 * updated"): on this collocated server, inbound TCP for the endpoint and the listener ports. Each rule is checked,
 * added or set when it differs, and read back; a rule that already allows its port changes nothing.
 */
@Component("openFirewallDelegate")
class OpenFirewallDelegate extends RunbookStep {

    OpenFirewallDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String host = host(execution);
        for (FirewallRule rule : AvailabilityGroupPlan.of(run.estate()).firewallRules()) {
            run.windows().ensureFirewallRule(host, rule);
            FirewallRule.State after = run.windows().readFirewallRule(host, rule.name());
            if (!after.allows(rule)) {
                throw new OperationFailedException(host, "open TCP " + rule.port(), "the rule " + rule.name()
                        + " reads back as " + after.describe() + ", not as an enabled inbound TCP " + rule.port() + " allow rule");
            }
        }
    }
}
