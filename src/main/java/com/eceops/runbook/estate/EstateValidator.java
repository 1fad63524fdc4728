package com.eceops.runbook.estate;

import java.util.ArrayList;
import java.util.List;

/**
 * The semantic rules of an inventory: what the loader cannot see by reading one value at a time. Every rule
 * runs, even over a partial estate, so that the author gets the whole list in one go.
 */
final class EstateValidator {

    private final List<EstateRule> rules;

    EstateValidator() {
        this(List.of(new NamingRules(), new NetworkRules(), new PathRules(), new TopologyRules(), new SqlConnectionRules()));
    }

    EstateValidator(List<EstateRule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<EstateProblem> validate(Estate estate, SourceLines lines) {
        Findings findings = new Findings(lines);
        for (EstateRule rule : rules) {
            rule.check(estate, findings);
        }
        return new ArrayList<>(findings.list());
    }
}
