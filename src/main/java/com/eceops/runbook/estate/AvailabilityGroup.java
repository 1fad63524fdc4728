package com.eceops.runbook.estate;

import java.util.Map;

/**
 * The SQL Server availability group. The document names the AG after the SQL CNO, which is also the
 * listener's network name; the listener needs one static IP per side's subnet.
 */
public record AvailabilityGroup(String name, String listenerName, Map<String, String> listenerIpsBySide,
                                int listenerPort, int endpointPort) {
}
