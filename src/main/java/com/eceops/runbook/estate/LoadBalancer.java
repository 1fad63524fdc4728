package com.eceops.runbook.estate;

/** The load balancer's virtual IP for the ECE URL (final-5). */
public record LoadBalancer(String virtualIp) {
}
