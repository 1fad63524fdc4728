package com.eceops.runbook.estate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Addresses and ports. Every server, the cluster and the listener take static IPs from their side's subnet;
 * no address may be used twice, the load balancer's virtual IP included.
 */
final class NetworkRules implements EstateRule {

    @Override
    public void check(Estate estate, Findings findings) {
        List<String[]> used = new ArrayList<>();
        for (PlacedServer placed : PlacedServer.of(estate)) {
            String ip = placed.server().ip();
            if (placed.server().sqlPort() != null) {
                port(placed.path("sqlPort"), placed.server().sqlPort(), findings);
            }
            if (ip != null && hostAddress(placed.path("ip"), ip, subnet(estate, placed.server().side()), findings)) {
                used.add(new String[] {placed.path("ip"), ip});
            }
        }
        if (estate.cluster() != null) {
            used.addAll(oneIpPerSide("cluster.ips", estate.cluster().ipsBySide(), estate, findings));
        }
        AvailabilityGroup group = estate.availabilityGroup();
        if (group != null) {
            used.addAll(oneIpPerSide("availabilityGroup.listener.ips", group.listenerIpsBySide(), estate, findings));
            port("availabilityGroup.listener.port", group.listenerPort(), findings);
            port("availabilityGroup.endpointPort", group.endpointPort(), findings);
        }
        if (estate.loadBalancer() != null && estate.loadBalancer().virtualIp() != null) {
            String vip = estate.loadBalancer().virtualIp();
            if (Ipv4.isValid(vip)) {
                used.add(new String[] {"loadBalancer.virtualIp", vip});
            } else {
                findings.add("loadBalancer.virtualIp", "'" + vip + "' is not an IPv4 address");
            }
        }
        Map<Long, String> taken = new HashMap<>();
        for (String[] address : used) {
            String earlier = taken.putIfAbsent(Ipv4.parse(address[1]), address[0]);
            if (earlier != null) {
                findings.add(address[0], address[1] + " is already used by " + earlier);
            }
        }
        if (estate.ece() != null) {
            port("ece.jettyPort", estate.ece().jettyPort(), findings);
            port("ece.httpsPort", estate.ece().httpsPort(), findings);
        }
        connectionPorts(estate, findings);
    }

    private static List<String[]> oneIpPerSide(String path, Map<String, String> ipsBySide, Estate estate, Findings findings) {
        List<String[]> used = new ArrayList<>();
        for (String side : List.of("a", "b")) {
            String ip = ipsBySide.get(side);
            if (ip != null && hostAddress(path + "." + side, ip, subnet(estate, side), findings)) {
                used.add(new String[] {path + "." + side, ip});
            }
        }
        return used;
    }

    /** True when {@code ip} is an address at all, so that it can take part in the uniqueness check. */
    private static boolean hostAddress(String path, String ip, Subnet subnet, Findings findings) {
        if (!Ipv4.isValid(ip)) {
            findings.add(path, "'" + ip + "' is not an IPv4 address");
            return false;
        }
        if (subnet != null) {
            if (!subnet.contains(ip)) {
                findings.add(path, ip + " is outside the side's subnet " + subnet.cidr());
            } else if (subnet.isReserved(ip)) {
                findings.add(path, ip + " is the network or broadcast address of " + subnet.cidr());
            }
        }
        return true;
    }

    private static Subnet subnet(Estate estate, String side) {
        Side found = "a".equals(side) ? estate.sideA() : "b".equals(side) ? estate.sideB() : null;
        return found == null ? null : found.subnet();
    }

    // A server inherits its port from "connections:" unless it writes its own; blame the place it came from.
    private static void connectionPorts(Estate estate, Findings findings) {
        for (PlacedServer placed : PlacedServer.of(estate)) {
            Connection connection = placed.server().connection();
            if (connection != null) {
                String own = placed.path("connection.port");
                port(findings.written(own) ? own : "connections.port", connection.port(), findings);
            }
        }
    }

    static void port(String path, int port, Findings findings) {
        if (port < 1 || port > 65535) {
            findings.add(path, "port " + port + " is outside 1..65535");
        }
    }
}
