package com.eceops.runbook.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The ECE URL as the lab's outside world sees it (final-1, final-2, final-5): the certificate bound to the ECE
 * site in IIS, the business partition's URL setting, and the load balancer in front of the web servers. A fresh
 * lab has no certificate and a default pool: both web servers, round robin, no cookie, a status-only health check.
 */
class LabWebState {
    public LabCertificate certificate;
    public String partitionUrl;
    /** Web servers in the load balancer's active pool; empty means every web server of the estate. */
    public List<String> activeWebServers = new ArrayList<>();
    public boolean cookieInsert;
    public boolean contentHealthCheck;
    /** Round-robin position of the load balancer. */
    public long requests;
}
