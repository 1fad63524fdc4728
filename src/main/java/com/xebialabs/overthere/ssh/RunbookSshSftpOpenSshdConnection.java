package com.xebialabs.overthere.ssh;

import com.xebialabs.overthere.ConnectionOptions;
import com.xebialabs.overthere.OverthereConnection;
import com.xebialabs.overthere.spi.AddressPortMapper;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Factory;

/**
 * Overthere's SFTP_OpenSSHD connection with the runbook's own sshj client. Overthere builds its SSHClient
 * through the protected {@code sshClientFactory} of a package-private class, and hard-wires a verifier that
 * accepts any host key; living in this package is the one way to hand it a client that pins the host key
 * and turns Nagle's algorithm off, without reflection. Used by com.eceops.runbook.remote only.
 */
public final class RunbookSshSftpOpenSshdConnection extends SshSftpOpenSshdConnection {

    public RunbookSshSftpOpenSshdConnection(ConnectionOptions options, AddressPortMapper mapper, Factory<SSHClient> clients) {
        super("ssh", options, mapper);
        this.sshClientFactory = clients;
    }

    /** Connects and authenticates; the caller owns the connection and closes it. */
    public OverthereConnection open() {
        connect();
        return this;
    }
}
