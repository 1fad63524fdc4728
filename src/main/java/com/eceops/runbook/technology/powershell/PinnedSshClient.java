package com.eceops.runbook.technology.powershell;

import javax.net.SocketFactory;

import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;

/**
 * The sshj client Overthere gets from us. Overthere adds a {@link PromiscuousVerifier} and sets its own socket
 * factory while connecting; this client puts the host key pin in the verifier's place and wraps the socket
 * factory so that every socket has TCP_NODELAY.
 */
final class PinnedSshClient extends SSHClient {

    private final HostKeyVerifier pin;
    private final boolean noDelay;

    PinnedSshClient(HostKeyVerifier pin, boolean noDelay) {
        super(new DefaultConfig());
        this.pin = pin;
        this.noDelay = noDelay;
        super.addHostKeyVerifier(pin);
    }

    @Override
    public void addHostKeyVerifier(HostKeyVerifier verifier) {
        // sshj accepts a key when any verifier does: a second, promiscuous one would undo the pin.
    }

    @Override
    public void setSocketFactory(SocketFactory factory) {
        super.setSocketFactory(noDelay ? new NoDelaySocketFactory(factory) : factory);
    }
}
