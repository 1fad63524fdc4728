package com.eceops.runbook.estate;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret this process has resolved, so that anything it writes (log lines, incident messages,
 * exception texts, plans, process variables) can be scrubbed of them. A secret echoed back by a server in a
 * command's output is caught here too, not only the ones the runbook itself formats.
 */
public final class SecretMasker {

    public static final String MASK = "******";
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private SecretMasker() {
    }

    /** Remembers a resolved secret. Very short values would mask innocent text and are not worth a secret. */
    static void remember(String secret) {
        if (secret != null && secret.length() >= 4) {
            KNOWN.add(secret);
        }
    }

    /** The text with every known secret replaced by {@link #MASK}, longest first so overlaps mask fully. */
    public static String mask(String text) {
        if (text == null || KNOWN.isEmpty()) {
            return text;
        }
        String masked = text;
        List<String> longestFirst = KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : longestFirst) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
