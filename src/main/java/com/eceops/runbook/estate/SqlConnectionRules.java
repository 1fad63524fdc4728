package com.eceops.runbook.estate;

/** ECE HA supports only integrated authentication: a SQL login may reach a lab, never a live estate. */
final class SqlConnectionRules implements EstateRule {

    @Override
    public void check(Estate estate, Findings findings) {
        estate.sqlConnection().ifPresent(profile -> {
            if (estate.live() && profile.auth() == SqlConnectionProfile.Auth.SQL) {
                findings.add("sqlServer.connection.auth",
                        "SQL authentication is for labs only; a live estate logs in with ntlm or kerberos");
            }
        });
    }
}
