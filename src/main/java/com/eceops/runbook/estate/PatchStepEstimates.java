package com.eceops.runbook.estate;

import java.time.Duration;

/**
 * How long each step of a patch that cannot be interrupted is expected to take, so that the runbook starts it
 * only when it fits in what is left of the maintenance window. The defaults are the document's figures: the
 * Cisco service takes 5-10 minutes to stop and up to 15 to start; the three backups of the seed's lab took
 * seconds, so 15 minutes leaves room for a larger estate; a patch installer run per server is not given, 20
 * minutes is a cautious guess. Earlier runs of the same estate replace these (the patch package averages them).
 */
public record PatchStepEstimates(Duration stopServices, Duration backUpDatabases, Duration installPatch,
                                 Duration startServices) {

    public static final PatchStepEstimates DEFAULTS = new PatchStepEstimates(Duration.ofMinutes(10),
            Duration.ofMinutes(15), Duration.ofMinutes(20), Duration.ofMinutes(15));

    /** The longest estimate an inventory may give: longer than any window the inventory may define. */
    public static final Duration LONGEST = Duration.ofHours(24);

    /** The estimate of a step by its name in the inventory and the patch process ({@code stopServices}, ...). */
    public Duration of(String step) {
        return switch (step) {
            case "stopServices" -> stopServices;
            case "backUpDatabases" -> backUpDatabases;
            case "installPatch" -> installPatch;
            case "startServices" -> startServices;
            default -> throw new IllegalArgumentException("no patch step '" + step
                    + "'; one of stopServices, backUpDatabases, installPatch, startServices");
        };
    }
}
