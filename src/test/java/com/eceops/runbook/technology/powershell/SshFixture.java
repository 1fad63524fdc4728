package com.eceops.runbook.technology.powershell;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Secret;

/** A target for the fake SSH server, and sessions and a runner on it. */
public final class SshFixture {

    public static final String HOST = "CC2K125ECEAA";
    public static final String USER = "ece-admin";
    public static final String PASSWORD = "S3cr3t-Pa55word!";

    private SshFixture() {
    }

    public static RemoteTarget target(FakeWindowsSshServer server, String fingerprint) {
        return new RemoteTarget(HOST, "127.0.0.1", new Connection(Connection.Protocol.SSH, server.port(), USER,
                new CredentialRef("cluster-admin"), Optional.ofNullable(fingerprint)));
    }

    public static OverthereConnector connector() {
        return new OverthereConnector(ref -> new Secret(PASSWORD.toCharArray()), Duration.ofSeconds(5));
    }

    public static RemoteSessions sessions(FakeWindowsSshServer server, int perHost) {
        return new RemoteSessions(connector(), List.of(target(server, server.fingerprint())), perHost, Duration.ofMinutes(1));
    }
}
