package com.eceops.runbook.estate;

/** The SQL Server side of ECE: the three ECE databases and the temporary AG seeding database. */
public record EceDatabases(String activeDatabase, String masterDatabase, String reportsDatabase,
                        String seedingDatabase) {

    public java.util.List<String> eceDatabases() {
        return java.util.List.of(activeDatabase, masterDatabase, reportsDatabase);
    }
}
