package com.eceops.runbook.technology.sql;

import java.util.List;

/** The AG listener: network name, one static IP per subnet, port. */
public record ListenerSpec(String name, List<String> ips, int port) {
}
