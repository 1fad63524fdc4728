package com.eceops.runbook.estate;

import java.util.Optional;

/**
 * How the runbook reaches a server. The remote-execution layer reads it; the rehearsal lab ignores it.
 * {@code hostKeyFingerprint} pins the SSH host key, because Overthere itself never verifies it.
 */
public record Connection(
        Protocol protocol,
        int port,
        String user,
        CredentialRef credential,
        Optional<String> hostKeyFingerprint) {

    public enum Protocol { WINRM_HTTPS, SSH }
}
