package com.eceops.runbook.technology.powershell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Windows PowerShell run non-interactively writes its error and progress streams to stderr as CLIXML
 * ({@code #< CLIXML} and an {@code <Objs>} document). Progress records are noise; error records are what an
 * operator must read, so they are kept as plain text. Stderr that is not CLIXML is kept as it is.
 */
final class ClixmlFilter {

    private static final String MARKER = "#< CLIXML";
    private static final Pattern ERROR = Pattern.compile("<S S=\"Error\">(.*?)</S>", Pattern.DOTALL);
    private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private ClixmlFilter() {
    }

    static String readable(String stderr) {
        if (stderr == null || !stderr.contains(MARKER)) {
            return stderr == null ? "" : stderr.strip();
        }
        List<String> errors = new ArrayList<>();
        Matcher matcher = ERROR.matcher(stderr);
        while (matcher.find()) {
            errors.add(unescape(matcher.group(1)));
        }
        String outside = stderr.replaceAll("(?s)#< CLIXML\\s*<Objs.*?</Objs>", "").replace(MARKER, "").strip();
        String text = String.join("", errors).strip();
        return outside.isEmpty() ? text : (text + "\n" + outside).strip();
    }

    private static String unescape(String clixml) {
        // CLIXML escapes control characters as _xHHHH_ and XML's own characters as entities.
        Matcher matcher = ESCAPED.matcher(clixml);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(text, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(matcher.group(1), 16))));
        }
        matcher.appendTail(text);
        return text.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }
}
