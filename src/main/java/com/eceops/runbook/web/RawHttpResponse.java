package com.eceops.runbook.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 answer from a stream (the socket path of {@link HttpWebEndpointOperations}, sent with
 * {@code Connection: close}): status line, headers, and a body by Content-Length, chunked or up to the end, capped
 * so that a runaway page cannot fill the runbook's memory.
 */
final class RawHttpResponse {

    private RawHttpResponse() {
    }

    static HttpAnswer read(String url, InputStream in, int maxBody) throws IOException {
        try {
            return parse(url, in, maxBody);
        } catch (NumberFormatException | NullPointerException e) {
            // A length or chunk size that is no number, or an answer cut short: the server's fault, said as such.
            throw new IOException("malformed HTTP answer: " + e.getMessage(), e);
        }
    }

    private static HttpAnswer parse(String url, InputStream in, int maxBody) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine == null ? new String[0] : statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + statusLine);
        }
        List<String> setCookies = new ArrayList<>();
        String location = null;
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "set-cookie" -> setCookies.add(value);
                case "location" -> location = value;
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";", 2)[0].trim(), 16); size > 0;
                    size = Long.parseLong(line(in).split(";", 2)[0].trim(), 16)) {
                copy(in, body, size, maxBody);
                line(in);
            }
        } else {
            copy(in, body, length, maxBody);
        }
        return new HttpAnswer(url, status, body.toString(StandardCharsets.UTF_8),
                HttpWebEndpointOperations.setCookies(setCookies), location);
    }

    /** Copies {@code count} bytes (all up to the end when negative), keeping at most {@code max}. */
    private static void copy(InputStream in, ByteArrayOutputStream out, long count, int max) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count < 0 ? Long.MAX_VALUE : count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            int keep = Math.min(read, max - out.size());
            if (keep > 0) {
                out.write(buffer, 0, keep);
            }
            left -= read;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
