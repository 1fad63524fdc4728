package com.eceops.runbook.estate;

/**
 * The load balancer's virtual IP for the ECE URL (final-5) and, when known, the name of the cookie it inserts for
 * persistence (optional; without it the person names the cookie in the final-5 task). The stickiness check looks
 * at that cookie only, so that ECE's own session cookie cannot pass for the load balancer's.
 */
public record LoadBalancer(String virtualIp, String persistenceCookie) {

    public LoadBalancer(String virtualIp) {
        this(virtualIp, null);
    }
}
