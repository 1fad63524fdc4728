package com.eceops.runbook.technology.windows;

import com.eceops.runbook.technology.powershell.OverthereConnector;

import com.eceops.runbook.technology.powershell.PowerShellRunner;

import com.eceops.runbook.technology.powershell.RemoteTarget;

import com.eceops.runbook.technology.powershell.RemoteSessions;

import com.eceops.runbook.technology.windows.HostScripts;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Secret;
import com.eceops.runbook.estate.SecretMasker;

/**
 * A hidden diagnostic mode: {@code java -jar runbook.jar --remote-selftest=<host>:<port>
 * --remote-selftest-fingerprint=SHA256:… [--remote-selftest-user=<user>]} with the password in the environment
 * variable {@code RUNBOOK_SELFTEST_PASSWORD} (never on the command line) runs one PowerShell command over SSH
 * (Win32-OpenSSH, host key pinned) through the real connector, prints the answer and exits: 0 when it answered, 1
 * when not, 2 for wrong arguments. No Spring context is started. It proves that Overthere works from the
 * executable jar, and on site it checks a server's SSH set-up before a window.
 */
public final class RemoteSelfTest {

    public static final String OPTION = "--remote-selftest=";
    static final String FINGERPRINT = "--remote-selftest-fingerprint=";
    static final String USER = "--remote-selftest-user=";
    static final String PASSWORD_VARIABLE = "RUNBOOK_SELFTEST_PASSWORD";

    private RemoteSelfTest() {
    }

    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith(OPTION));
    }

    public static int run(String[] args, String password, PrintStream out) {
        Optional<String> address = option(args, OPTION);
        Optional<String> fingerprint = option(args, FINGERPRINT);
        String user = option(args, USER).orElse("Administrator");
        if (address.isEmpty() || fingerprint.isEmpty() || password == null || password.isEmpty()
                || address.get().lastIndexOf(':') < 1) {
            out.println("remote-selftest: usage: " + OPTION + "<host>:<port> " + FINGERPRINT + "SHA256:... [" + USER
                    + "<user>] with the password in " + PASSWORD_VARIABLE);
            return 2;
        }
        String host = address.get().substring(0, address.get().lastIndexOf(':'));
        int port;
        try {
            port = Integer.parseInt(address.get().substring(address.get().lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            out.println("remote-selftest: not a port: " + address.get());
            return 2;
        }
        Secret secret = new Secret(password.toCharArray());
        RemoteTarget target = new RemoteTarget(host, host, new Connection(Connection.Protocol.SSH, port, user,
                new CredentialRef("selftest"), fingerprint));
        OverthereConnector connector = new OverthereConnector(ref -> secret, Duration.ofSeconds(15));
        try (RemoteSessions sessions = new RemoteSessions(connector, List.of(target), 1, Duration.ofSeconds(30))) {
            var answer = new PowerShellRunner(sessions).run(host, "selftest", HostScripts.checkReachable(), Duration.ofSeconds(60));
            out.println("remote-selftest: ok " + host + ":" + port + " answered " + SecretMasker.mask(answer.toString()));
            return 0;
        } catch (RuntimeException e) {
            out.println("remote-selftest: failed: " + SecretMasker.mask(OverthereConnector.causes(e)));
            return 1;
        }
    }

    private static Optional<String> option(String[] args, String prefix) {
        return Arrays.stream(args).filter(arg -> arg.startsWith(prefix)).map(arg -> arg.substring(prefix.length())).findFirst();
    }
}
