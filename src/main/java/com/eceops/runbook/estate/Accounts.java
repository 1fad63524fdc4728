package com.eceops.runbook.estate;

/** The domain service accounts, by name and credential reference; never by password. */
public record Accounts(Account sqlService, Account eceService, Account clusterAdmin) {

    public record Account(String name, CredentialRef credential) {
    }
}
