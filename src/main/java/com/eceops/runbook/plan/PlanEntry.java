package com.eceops.runbook.plan;

import java.util.Optional;

/**
 * One recorded command of a plan: a PowerShell script for a host or a T-SQL batch for a server, under the procedure
 * step that sends it. Secrets are masked before an entry exists.
 *
 * @param refusal why a live run would refuse to send it, when it would
 */
public record PlanEntry(Language language, String host, String step, String operation, String script,
                        Optional<String> refusal) {

    /** What a command is written in, and the word after its code fence. */
    public enum Language {
        POWERSHELL("powershell", "PowerShell"), SQL("sql", "T-SQL");

        private final String fence;
        private final String shown;

        Language(String fence, String shown) {
            this.fence = fence;
            this.shown = shown;
        }

        public String fence() {
            return fence;
        }

        public String shown() {
            return shown;
        }

        /** The language whose fence word is {@code fence}, as the plan's rows store it. */
        public static Language ofFence(String fence) {
            return java.util.Arrays.stream(values()).filter(l -> l.fence.equals(fence)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no plan language '" + fence + "'"));
        }
    }

    public boolean refused() {
        return refusal.isPresent();
    }

    /** Two recordings of the same command in the same step are one command of the plan. */
    boolean sameCommandAs(PlanEntry other) {
        return language == other.language && host.equalsIgnoreCase(other.host) && step.equals(other.step)
                && operation.equals(other.operation) && script.equals(other.script) && refusal.equals(other.refusal);
    }
}
