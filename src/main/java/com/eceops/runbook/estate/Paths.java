package com.eceops.runbook.estate;

/** The directories of the document's "File and Directory Objects" table. */
public record Paths(String sharedDirectory, String eceHome, String webEceHome, String ssisDirectory,
                    String sqlData, String sqlBackups) {
}
