package com.eceops.runbook.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a backup file on a simulated disk holds: which database, full or log, from where and in which order,
 * the database's schema version at the time, and whether the file came out damaged. Written as one text line
 * so that copying it between hosts is an ordinary file copy.
 */
record LabBackupFile(String type, String database, String source, long sequence, String recoveryModel,
                     boolean compressed, String schemaVersion, boolean damaged) {

    private static final String MAGIC = "ECE-LAB-BACKUP";

    static final String FULL = "FULL";
    static final String LOG = "LOG";

    LabBackupFile(String type, String database, String source, long sequence, String recoveryModel, boolean compressed) {
        this(type, database, source, sequence, recoveryModel, compressed, "base", false);
    }

    String content() {
        return MAGIC + ";type=" + type + ";database=" + database + ";source=" + source + ";sequence=" + sequence
                + ";recoveryModel=" + recoveryModel + ";compressed=" + compressed + ";schemaVersion=" + schemaVersion
                + (damaged ? ";damaged=true" : "");
    }

    /** Identifies the backup set: which instance's database and which backup of it. */
    String id() {
        return source + "/" + database + "/" + sequence;
    }

    static LabBackupFile parse(String content) {
        if (content == null || !content.startsWith(MAGIC + ";")) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : content.substring(MAGIC.length() + 1).split(";")) {
            String[] kv = part.split("=", 2);
            fields.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return new LabBackupFile(fields.get("type"), fields.get("database"), fields.get("source"),
                Long.parseLong(fields.get("sequence")), fields.get("recoveryModel"),
                Boolean.parseBoolean(fields.get("compressed")), fields.getOrDefault("schemaVersion", "base"),
                Boolean.parseBoolean(fields.get("damaged")));
    }
}
