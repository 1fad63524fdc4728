package com.eceops.runbook.technology.powershell;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Accepts exactly the host key whose fingerprint the inventory holds, in OpenSSH's form
 * ({@code SHA256:} and unpadded base64, as {@code ssh-keygen -lf} prints it). Any other key is refused, and the
 * refusal names both fingerprints so that an operator can tell a rebuilt server from an impostor.
 */
final class HostKeyPin implements HostKeyVerifier {

    private final String host;
    private final String expected;
    private volatile String refused;

    HostKeyPin(String host, String expected) {
        this.host = host;
        this.expected = expected.strip();
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String actual = fingerprint(key);
        if (actual.equals(expected)) {
            return true;
        }
        refused = actual;
        return false;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return List.of();
    }

    /** Why the last handshake failed, when it failed on the key; null otherwise. */
    String refusal() {
        String actual = refused;
        return actual == null ? null : "the SSH host key of " + host + " is " + actual
                + " but the inventory pins " + expected + "; connection refused (a rebuilt server needs a new"
                + " hostKeyFingerprint in the inventory, anything else may be an impostor)";
    }

    static String fingerprint(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String describe(PublicKey key) {
        return KeyType.fromKey(key) + " " + fingerprint(key);
    }
}
