package com.eceops.runbook.technology.sql;

/** A SQL Server Agent job: name, schedule in words (e.g. "weekly Sunday 01:30") and the T-SQL it runs. */
public record AgentJob(String name, String schedule, String command) {
}
