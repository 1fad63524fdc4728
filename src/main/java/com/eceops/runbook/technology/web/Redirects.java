package com.eceops.runbook.technology.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import com.eceops.runbook.operations.OperationFailedException;

/**
 * How both implementations follow redirects: ECE's partition URL (https://&lt;FQDN&gt;/&lt;partition&gt;) sends the
 * browser on to the installer's context root. Only https on the same host is followed, at most {@value #MAX_HOPS}
 * hops: a redirect to http or to another host would mean the check no longer looks at ECE, so it fails instead.
 * Cookies set on one hop go back on the next, as a browser does (the load balancer inserts its cookie on the first).
 */
public final class Redirects {

    public static final int MAX_HOPS = 5;

    private Redirects() {
    }

    public static HttpAnswer follow(String url, Map<String, String> cookies, BiFunction<String, Map<String, String>, HttpAnswer> once) {
        Map<String, String> sent = new LinkedHashMap<>(cookies);
        Map<String, String> set = new LinkedHashMap<>();
        String current = url;
        for (int hop = 0; ; hop++) {
            HttpAnswer answer = once.apply(current, Map.copyOf(sent));
            set.putAll(answer.setCookies());
            if (!answer.isRedirect()) {
                return new HttpAnswer(answer.url(), answer.status(), answer.body(), set, answer.location());
            }
            URI from = URI.create(current);
            URI next = from.resolve(answer.location().trim());
            String step = "GET " + url;
            if (hop + 1 > MAX_HOPS) {
                throw new OperationFailedException(from.getHost(), step, "more than " + MAX_HOPS + " redirects, the last to " + next);
            }
            if (!"https".equalsIgnoreCase(next.getScheme())) {
                throw new OperationFailedException(from.getHost(), step, current + " redirects to " + next + ", not https: refused");
            }
            if (next.getHost() == null || !next.getHost().toLowerCase(Locale.ROOT).equals(from.getHost().toLowerCase(Locale.ROOT))
                    || next.getPort() != from.getPort()) {
                throw new OperationFailedException(from.getHost(), step, current + " redirects to another host or port (" + next + "): refused");
            }
            sent.putAll(answer.setCookies());
            current = next.toString();
        }
    }
}
