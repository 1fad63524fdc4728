package com.eceops.runbook.technology.powershell;

import java.time.Duration;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Secret;
import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.OperationFailedException;
import com.xebialabs.overthere.ConnectionOptions;
import com.xebialabs.overthere.OperatingSystemFamily;
import com.xebialabs.overthere.OverthereConnection;
import com.xebialabs.overthere.cifs.CifsConnectionBuilder;
import com.xebialabs.overthere.cifs.CifsConnectionType;
import com.xebialabs.overthere.cifs.WinrmHttpsCertificateTrustStrategy;
import com.xebialabs.overthere.cifs.WinrmHttpsHostnameVerificationStrategy;
import com.xebialabs.overthere.ssh.RunbookSshSftpOpenSshdConnection;
import com.xebialabs.overthere.ssh.SshConnectionBuilder;
import com.xebialabs.overthere.util.DefaultAddressPortMapper;

/**
 * Opens Overthere connections from inventory settings. The builders are called directly instead of through
 * {@code Overthere.getConnection}, whose classpath scan fails inside a Spring Boot executable jar.
 */
public class OverthereConnector {

    private static final Logger LOG = LoggerFactory.getLogger(OverthereConnector.class);

    private final Function<CredentialRef, Secret> secrets;
    private final Duration connectTimeout;
    private final boolean noDelay;

    public OverthereConnector(Function<CredentialRef, Secret> secrets, Duration connectTimeout) {
        this(secrets, connectTimeout, true);
    }

    /** {@code noDelay} false is for the benchmark only: it shows what Nagle's algorithm costs. */
    OverthereConnector(Function<CredentialRef, Secret> secrets, Duration connectTimeout, boolean noDelay) {
        this.secrets = secrets;
        this.connectTimeout = connectTimeout;
        this.noDelay = noDelay;
    }

    /** The secret behind a reference, for a script that needs it on standard input (a task's password). */
    Secret secret(CredentialRef credential) {
        return secrets.apply(credential);
    }

    public OverthereConnection connect(RemoteTarget target) {
        Connection connection = target.connection();
        try {
            return switch (connection.protocol()) {
                case SSH -> ssh(target);
                case WINRM_HTTPS -> winrm(target);
            };
        } catch (OperationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OperationFailedException(target.host(), "connect",
                    SecretMasker.mask(connection.protocol() + " to " + target.address() + ":" + connection.port()
                            + " as " + connection.user() + ": " + causes(e)), e);
        }
    }

    private OverthereConnection ssh(RemoteTarget target) {
        Connection connection = target.connection();
        String fingerprint = connection.hostKeyFingerprint().orElseThrow(() -> new OperationFailedException(
                target.host(), "connect", "no hostKeyFingerprint in the inventory; an unverified SSH host is refused"));
        ConnectionOptions options = common(target);
        options.set(SshConnectionBuilder.CONNECTION_TYPE, "SFTP_OpenSSHD");
        Secret secret = secrets.apply(connection.credential());
        if (connection.privateKeyFile().isPresent()) {
            options.set(SshConnectionBuilder.PRIVATE_KEY_FILE, connection.privateKeyFile().get());
            options.set(SshConnectionBuilder.PASSPHRASE, secret.reveal());
        } else {
            options.set(ConnectionOptions.PASSWORD, secret.reveal());
        }
        HostKeyPin pin = new HostKeyPin(target.host(), fingerprint);
        try {
            return new RunbookSshSftpOpenSshdConnection(options, DefaultAddressPortMapper.INSTANCE,
                    () -> new PinnedSshClient(pin, noDelay)).open();
        } catch (RuntimeException e) {
            if (pin.refusal() != null) {
                throw new OperationFailedException(target.host(), "connect", pin.refusal(), e);
            }
            throw e;
        }
    }

    private OverthereConnection winrm(RemoteTarget target) {
        Connection connection = target.connection();
        ConnectionOptions options = common(target);
        options.set(CifsConnectionBuilder.CONNECTION_TYPE, CifsConnectionType.WINRM_INTERNAL);
        options.set(ConnectionOptions.PASSWORD, secrets.apply(connection.credential()).reveal());
        options.set(CifsConnectionBuilder.WINRM_ENABLE_HTTPS, true);
        if (connection.relaxCertificateChecks()) {
            LOG.warn("{}: certificate checks relaxed for WinRM HTTPS as the inventory asks (relaxCertificateChecks):"
                    + " any certificate and host name is accepted", target.host());
            options.set(CifsConnectionBuilder.WINRM_HTTPS_CERTIFICATE_TRUST_STRATEGY, WinrmHttpsCertificateTrustStrategy.ALLOW_ALL);
            options.set(CifsConnectionBuilder.WINRM_HTTPS_HOSTNAME_VERIFICATION_STRATEGY, WinrmHttpsHostnameVerificationStrategy.ALLOW_ALL);
        } else {
            connection.trustStore().ifPresent(TrustStores::useForWinRm);
            options.set(CifsConnectionBuilder.WINRM_HTTPS_CERTIFICATE_TRUST_STRATEGY, WinrmHttpsCertificateTrustStrategy.STRICT);
            options.set(CifsConnectionBuilder.WINRM_HTTPS_HOSTNAME_VERIFICATION_STRATEGY, WinrmHttpsHostnameVerificationStrategy.STRICT);
        }
        return new CifsConnectionBuilder("cifs", options, DefaultAddressPortMapper.INSTANCE).connect();
    }

    /** Plain-HTTP WinRM, for the in-process test endpoint only: Overthere sends Basic credentials in clear. */
    OverthereConnection winrmHttpForTests(RemoteTarget target) {
        ConnectionOptions options = common(target);
        options.set(CifsConnectionBuilder.CONNECTION_TYPE, CifsConnectionType.WINRM_INTERNAL);
        options.set(ConnectionOptions.PASSWORD, secrets.apply(target.connection().credential()).reveal());
        options.set(CifsConnectionBuilder.WINRM_ENABLE_HTTPS, false);
        return new CifsConnectionBuilder("cifs", options, DefaultAddressPortMapper.INSTANCE).connect();
    }

    private ConnectionOptions common(RemoteTarget target) {
        ConnectionOptions options = new ConnectionOptions();
        options.set(ConnectionOptions.ADDRESS, target.address());
        options.set(ConnectionOptions.PORT, target.connection().port());
        options.set(ConnectionOptions.USERNAME, target.connection().user());
        options.set(ConnectionOptions.OPERATING_SYSTEM, OperatingSystemFamily.WINDOWS);
        options.set(ConnectionOptions.CONNECTION_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
        options.set(ConnectionOptions.TEMPORARY_DIRECTORY_PATH, "C:\\Windows\\Temp");
        return options;
    }

    /**
     * The chain of causes, one line each: Overthere's WinRM errors quote the whole SOAP request (and with it the
     * encoded script), while the line that matters, such as a certificate refusal, is at the bottom.
     */
    public static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
            message = message.length() > 200 ? message.substring(0, 200) + "…" : message;
            text.append(text.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ").append(message);
        }
        return text.toString();
    }
}
