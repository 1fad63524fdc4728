package com.eceops.runbook.estate;

import java.util.List;
import java.util.stream.Collectors;

/** An inventory that cannot be trusted; carries every problem found, not just the first. */
public class InvalidEstateException extends RuntimeException {

    private final String estate;
    private final List<EstateProblem> problems;

    public InvalidEstateException(String estate, List<EstateProblem> problems) {
        super(describe(estate, problems));
        this.estate = estate;
        this.problems = List.copyOf(problems);
    }

    public String estate() {
        return estate;
    }

    public List<EstateProblem> problems() {
        return problems;
    }

    private static String describe(String estate, List<EstateProblem> problems) {
        return "The inventory of estate '" + estate + "' has " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:")
                + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}
