package com.eceops.runbook.technology.web;

import java.util.Map;

/**
 * An HTTP answer: the URL it came from (the last one after redirects), status, body, the cookies it set (name to
 * value, attributes dropped; over redirects, every hop's) and the Location it points to, if any.
 */
public record HttpAnswer(String url, int status, String body, Map<String, String> setCookies, String location) {

    public HttpAnswer {
        body = body == null ? "" : body;
        setCookies = setCookies == null ? Map.of() : Map.copyOf(setCookies);
    }

    public HttpAnswer(String url, int status, String body, Map<String, String> setCookies) {
        this(url, status, body, setCookies, null);
    }

    boolean isRedirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && location != null;
    }
}
