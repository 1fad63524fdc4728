package com.eceops.runbook.web;

import java.util.Map;

/** An HTTP answer: status, body and the cookies it sets (name to value, attributes dropped). */
public record HttpAnswer(String url, int status, String body, Map<String, String> setCookies) {

    public HttpAnswer {
        body = body == null ? "" : body;
        setCookies = setCookies == null ? Map.of() : Map.copyOf(setCookies);
    }
}
