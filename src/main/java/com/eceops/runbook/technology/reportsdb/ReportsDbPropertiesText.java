package com.eceops.runbook.technology.reportsdb;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * post-7: the text of reportsdb_utility.properties. The utility reads it with Java's {@link Properties}, so every
 * value is escaped as {@link Properties#load} reads it: each {@code \} doubled (a UNC path's leading {@code \\}
 * becomes {@code \\\\}), a leading space escaped, line breaks and other control characters and non-ASCII characters
 * as escapes. {@code = : # !} need no escape after the separator, so {@code E:\\ssis_data} reads as the document
 * shows it. A value can therefore never end its line or start a new key.
 *
 * <p>Secret keys are rendered empty ({@code SSIS_USER_PASSWORD=}): the real implementation fills exactly those lines
 * with the resolved, escaped secret at the moment it writes the file, so no text built here ever holds a secret.
 * Pure functions.
 */
public final class ReportsDbPropertiesText {

    public static final String ECE_HOME_DIR = "ECE_HOME_DIR";
    public static final String REPORTS_DB_SERVER_NAME = "REPORTS_DB_SERVER_NAME";
    public static final String REPORTS_DB_LST_PORT = "REPORTS_DB_LST_PORT";
    public static final String REPORTS_DB_INSTANCE_NAME = "REPORTS_DB_INSTANCE_NAME";
    public static final String REPORTS_DB_NAME = "REPORTS_DB_NAME";
    public static final String ACT_DB_SERVER_NAME = "ACT_DB_SERVER_NAME";
    public static final String ACT_DB_LST_PORT = "ACT_DB_LST_PORT";
    public static final String ACT_DB_INSTANCE_NAME = "ACT_DB_INSTANCE_NAME";
    public static final String ACT_DB_NAME = "ACT_DB_NAME";
    /** Set only when the shipped file has the line ("If present" in the document). */
    public static final String MAST_DB_NAME = "MAST_DB_NAME";
    public static final String SSIS_INSTALL_PATH = "SSIS_INSTALL_PATH";
    public static final String SSIS_USER_ID = "SSIS_USER_ID";
    public static final String SSIS_USER_PASSWORD = "SSIS_USER_PASSWORD";
    public static final String SSIS_CATALOG_PASSWORD = "SSIS_CATALOG_PASSWORD";

    /** The keys whose values are secrets: never rendered, never read back unmasked. */
    public static final Set<String> SECRET_KEYS = Set.of(SSIS_USER_PASSWORD, SSIS_CATALOG_PASSWORD);
    /** Keys set only when the file already has them. */
    public static final Set<String> OPTIONAL_KEYS = Set.of(MAST_DB_NAME);
    /** What a read-back shows for a secret that is set. */
    public static final String MASK = "******";

    private static final String HEX = "0123456789ABCDEF";

    private ReportsDbPropertiesText() {
    }

    /** A value as a .properties file must hold it. */
    public static String escapeValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append("\\u").append(HEX.charAt((c >> 12) & 0xF)).append(HEX.charAt((c >> 8) & 0xF))
                                .append(HEX.charAt((c >> 4) & 0xF)).append(HEX.charAt(c & 0xF));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The file with each key's line set to {@code KEY=<escaped value>} (secret keys to {@code KEY=}), everything else
     * kept as it was. A key that appears more than once keeps only its first line (Properties would take the last,
     * stale one); a key the file lacks is appended, unless it is optional. The file's own line separator is kept.
     */
    public static String withValues(String existing, Map<String, String> values) {
        String separator = existing.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(existing.isEmpty() ? List.of() : List.of(existing.split("\r?\n", -1)));
        boolean endsWithSeparator = !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty();
        if (endsWithSeparator) {
            lines.remove(lines.size() - 1);
        }
        Set<String> done = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String key = keyOf(line);
            int last = lastLineOfEntry(lines, i);
            if (key == null || !values.containsKey(key)) {
                out.addAll(lines.subList(i, last + 1));
            } else if (done.add(key)) {
                out.add(line(key, values.get(key)));
            }
            i = last;
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (!done.contains(entry.getKey()) && !OPTIONAL_KEYS.contains(entry.getKey())) {
                out.add(line(entry.getKey(), entry.getValue()));
            }
        }
        return String.join(separator, out) + (out.isEmpty() ? "" : separator);
    }

    /** The text with the value of every secret key that is set replaced by {@link #MASK}. */
    public static String masked(String text, Collection<String> secretKeys) {
        String separator = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = List.of(text.split("\r?\n", -1));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String key = keyOf(lines.get(i));
            int last = lastLineOfEntry(lines, i);
            if (key != null && secretKeys.contains(key)) {
                boolean set = !parse(String.join("\n", lines.subList(i, last + 1))).getOrDefault(key, "").isEmpty();
                out.add(key + "=" + (set ? MASK : ""));
            } else {
                out.addAll(lines.subList(i, last + 1));
            }
            i = last;
        }
        return String.join(separator, out);
    }

    /** The values as the utility will read them. */
    public static Map<String, String> parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the properties text is malformed: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> values.put(k, properties.getProperty(k)));
        return values;
    }

    private static String line(String key, String value) {
        return key + "=" + (SECRET_KEYS.contains(key) ? "" : escapeValue(value == null ? "" : value));
    }

    /** The key of a line, or null for a blank or comment line. Keys here are plain names, so no escapes apply. */
    static String keyOf(String line) {
        String trimmed = line.stripLeading();
        if (trimmed.isEmpty() || trimmed.charAt(0) == '#' || trimmed.charAt(0) == '!') {
            return null;
        }
        int end = 0;
        while (end < trimmed.length() && "=: \t\f".indexOf(trimmed.charAt(end)) < 0 && trimmed.charAt(end) != '\\') {
            end++;
        }
        return trimmed.substring(0, end);
    }

    /** An entry continues on the next line while its line ends in an odd number of backslashes. */
    private static int lastLineOfEntry(List<String> lines, int first) {
        int i = first;
        while (i < lines.size() - 1 && keyOf(lines.get(first)) != null && continues(lines.get(i))) {
            i++;
        }
        return i;
    }

    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
