package com.eceops.runbook.estate;

/**
 * How many processes of the ECE service account show that the Cisco service has started (post-2, patch-4.3): the
 * document expects 20-30 on the collocated server that starts first and 9-10 on the other, and gives the start up
 * to 15 minutes. A count that stops below these is a start that went wrong, for the operators to look into.
 * {@code ece.ciscoProcesses} in the inventory overrides the document's lower bounds for an estate that differs.
 */
public record CiscoProcessCounts(int mainServer, int otherServer) {

    public static final CiscoProcessCounts DOCUMENT = new CiscoProcessCounts(20, 9);

    /** Both servers run at least what is expected of them; the busier one is taken as the main server. */
    public boolean startedIn(java.util.Collection<Integer> counts) {
        if (counts.size() < 2) {
            return !counts.isEmpty() && counts.iterator().next() >= mainServer;
        }
        var sorted = counts.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        return sorted.get(0) >= mainServer && sorted.get(sorted.size() - 1) >= otherServer;
    }
}
