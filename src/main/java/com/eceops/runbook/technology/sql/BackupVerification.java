package com.eceops.runbook.technology.sql;

/**
 * What RESTORE VERIFYONLY said about one backup file: {@code valid} when the server read the whole backup set,
 * otherwise {@code report} holds the server's messages (a file it cannot open, a damaged set). A server that
 * does not answer is not a verdict and is never reported here: that stays a technical failure.
 */
public record BackupVerification(String path, boolean valid, String report) {
}
