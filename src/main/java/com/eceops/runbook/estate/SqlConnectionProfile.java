package com.eceops.runbook.estate;

import java.util.Optional;

/**
 * How the runbook logs in to SQL Server ({@code sqlServer.connection} in the inventory). One profile serves
 * both targets: the AG listener and each named replica. ECE HA supports only Windows authentication, so
 * {@link Auth#SQL} exists for labs alone; TLS is on, with certificate validation, unless the inventory turns
 * it off in so many words.
 */
public record SqlConnectionProfile(
        Auth auth,
        String user,
        Optional<String> domain,
        Optional<CredentialRef> credential,
        boolean encrypt,
        boolean trustServerCertificate,
        Optional<String> hostNameInCertificate,
        Optional<String> trustStore,
        int loginTimeoutSeconds) {

    public static final int DEFAULT_LOGIN_TIMEOUT_SECONDS = 30;

    public enum Auth { NTLM, KERBEROS, SQL }
}
