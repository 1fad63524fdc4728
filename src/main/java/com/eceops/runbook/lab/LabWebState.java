package com.eceops.runbook.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECE's web side as the lab's outside world sees it (final-1, final-2, final-5): the certificate bound to the ECE
 * site in IIS on each web server, the business partition's URL setting, and the load balancer in front of the web
 * servers. A fresh lab has no certificate and no load balancer configuration: the ECE FQDN's VIP answers nothing
 * until final-5, so until then the web servers can only be reached at their own addresses.
 */
class LabWebState {
    /** Certificate bound to the ECE site, by web server name (lower case). */
    public Map<String, LabCertificate> certificates = new LinkedHashMap<>();
    public String partitionUrl;
    /** Whether the VIP has been configured at all; before that it answers nothing. */
    public boolean loadBalancerConfigured;
    /** Web servers in the load balancer's active pool; empty means every web server of the estate. */
    public List<String> activeWebServers = new ArrayList<>();
    /** The cookie the load balancer inserts for persistence; null when it inserts none. */
    public String persistenceCookie;
    public boolean contentHealthCheck;
    /** Round-robin position of the load balancer. */
    public long requests;
    /** ECE's own sessions handed out so far (its JSESSIONID cookie). */
    public long sessions;
}
