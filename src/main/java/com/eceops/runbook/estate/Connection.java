package com.eceops.runbook.estate;

import java.util.Optional;

/**
 * How the runbook reaches a server. The remote-execution layer reads it; the rehearsal lab ignores it.
 * {@code hostKeyFingerprint} pins the SSH host key, because Overthere itself never verifies it.
 * {@code privateKeyFile} makes SSH log on with a key (the credential is then its passphrase); {@code trustStore}
 * holds the CA of the WinRM HTTPS listeners; {@code relaxCertificateChecks} accepts any certificate and is
 * logged as the explicit choice it is; {@code doubleHop} says how steps that reach a second machine run.
 */
public record Connection(
        Protocol protocol,
        int port,
        String user,
        CredentialRef credential,
        Optional<String> hostKeyFingerprint,
        Optional<String> privateKeyFile,
        Optional<String> trustStore,
        boolean relaxCertificateChecks,
        Optional<DoubleHop> doubleHop) {

    public enum Protocol { WINRM_HTTPS, SSH }

    /** The ways round the double hop (docs/remote-execution.md). */
    public enum DoubleHop { RESOURCE_OWNER, SCHEDULED_TASK, SSH_PASSWORD }

    public Connection(Protocol protocol, int port, String user, CredentialRef credential,
                      Optional<String> hostKeyFingerprint) {
        this(protocol, port, user, credential, hostKeyFingerprint, Optional.empty(), Optional.empty(), false,
                Optional.empty());
    }

    /** Kerberos when the user is written {@code user@REALM}, Basic (a local account) otherwise. */
    public boolean kerberos() {
        return user.contains("@");
    }
}
