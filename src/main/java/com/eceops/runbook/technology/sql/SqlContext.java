package com.eceops.runbook.technology.sql;

/** Where a batch runs and why: every failure message names all three. */
public record SqlContext(String server, String database, String procedureStep) {
}
