package com.eceops.runbook.ece;

/** An HTTP answer for a partition's login page; the load balancer checks content, not only the status. */
public record LoginPage(String url, int status, String content) {
}
