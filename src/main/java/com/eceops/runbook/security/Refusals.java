package com.eceops.runbook.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The runbook's own refusals (401, 403, 413, 429): one line of JSON in the REST API's error shape
 * ({@code type}, {@code message}), written directly, without an exception, so nothing lands in the log but the
 * caller's own line.
 */
final class Refusals {

    private Refusals() {
    }

    /** Writes the refusal unless the response is committed already; {@code headers} are name, value, ... */
    static void write(HttpServletResponse response, int status, String type, String message, String... headers)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(status);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.setHeader(headers[i], headers[i + 1]);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] body = ("{\"type\":\"" + type + "\",\"message\":\"" + json(message) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The path inside the application, decoded and normalised by the container. */
    static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** A value from the request fit for one log line: printable, at most 64 characters. */
    static String loggable(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder printable = new StringBuilder(Math.min(value.length(), 65));
        for (int i = 0; i < value.length() && printable.length() < 64; i++) {
            char c = value.charAt(i);
            printable.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c);
        }
        if (value.length() > 64) {
            printable.append('…');
        }
        return printable.toString();
    }

    private static String json(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
