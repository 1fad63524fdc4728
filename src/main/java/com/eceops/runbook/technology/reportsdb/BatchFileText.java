package com.eceops.runbook.technology.reportsdb;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * post-7: the {@code SET JAVA_HOME=...} line of reportsdb_utility.bat. cmd.exe gives {@code & | < > ^ ( )} and
 * {@code %} meanings even in a SET, so a value with any of them is written in the quoted form
 * {@code SET "JAVA_HOME=..."} with {@code %} doubled; a plain path keeps the document's form. Pure functions.
 */
public final class BatchFileText {

    private static final Pattern LINE = Pattern.compile("(?im)^[ \\t]*set[ \\t]+(\"?)JAVA_HOME=([^\\r\\n]*?)\\1[ \\t]*$");
    private static final String SPECIAL = "&|<>^()%!";

    private BatchFileText() {
    }

    /** The batch file with its first JAVA_HOME line set to the value; fails when the file has no such line. */
    public static String withJavaHome(String bat, String javaHome) {
        if (javaHome.isEmpty() || javaHome.chars().anyMatch(c -> c == '"' || c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("JAVA_HOME cannot be empty or contain a quote or a line break: " + javaHome);
        }
        Matcher m = LINE.matcher(bat);
        if (!m.find()) {
            throw new IllegalArgumentException("no SET JAVA_HOME= line in the batch file");
        }
        boolean plain = javaHome.chars().noneMatch(c -> SPECIAL.indexOf(c) >= 0);
        String line = plain ? "SET JAVA_HOME=" + javaHome : "SET \"JAVA_HOME=" + javaHome.replace("%", "%%") + "\"";
        return bat.substring(0, m.start()) + line + bat.substring(m.end());
    }

    /** The value the first JAVA_HOME line sets, as cmd.exe would see it; empty when there is no such line. */
    public static Optional<String> javaHome(String bat) {
        Matcher m = LINE.matcher(bat);
        if (!m.find()) {
            return Optional.empty();
        }
        String value = m.group(2);
        return Optional.of(m.group(1).isEmpty() ? value : value.replace("%%", "%"));
    }
}
