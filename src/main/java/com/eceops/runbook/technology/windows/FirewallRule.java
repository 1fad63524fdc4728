package com.eceops.runbook.technology.windows;

import java.util.List;

/**
 * An inbound Windows Firewall rule that allows one TCP port, on every profile, as pre-6.3 needs for the database
 * mirroring endpoint and the listener. {@code name} is the rule's unique name ({@code -Name}), which the runbook
 * chooses so that it finds its own rule again; {@code displayName} is what an administrator sees.
 */
public record FirewallRule(String name, String displayName, int port) {

    public FirewallRule {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }

    /**
     * A rule as it is on a server.
     *
     * @param present    whether a rule of that name exists
     * @param localPorts the local ports of its port filter, as the firewall prints them ("5022", "Any", a range)
     */
    public record State(boolean present, boolean enabled, String direction, String action, String protocol,
                        List<String> localPorts) {

        public State {
            localPorts = localPorts == null ? List.of() : List.copyOf(localPorts);
        }

        public static State absent() {
            return new State(false, false, null, null, null, List.of());
        }

        /** Whether it lets {@code rule}'s connections in: enabled, inbound, allowed, TCP, that one port. */
        public boolean allows(FirewallRule rule) {
            return present && enabled && "Inbound".equalsIgnoreCase(direction) && "Allow".equalsIgnoreCase(action)
                    && "TCP".equalsIgnoreCase(protocol) && localPorts.equals(List.of(String.valueOf(rule.port())));
        }

        public String describe() {
            return present ? (enabled ? "enabled" : "disabled") + " " + direction + " " + action + " " + protocol
                    + " " + String.join(",", localPorts) : "absent";
        }
    }
}
