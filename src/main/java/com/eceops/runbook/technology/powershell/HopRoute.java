package com.eceops.runbook.technology.powershell;

import java.util.Optional;

import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.OperationFailedException;

/**
 * Where and how a script runs, given what it reaches ({@link NetworkReach}) and the inventory's {@code doubleHop}
 * for the server it was meant for. A script that stays on its server runs there directly. One that reaches a
 * second machine runs where the resource lives ({@code resource-owner}), as a scheduled task registered with the
 * connection's credential ({@code scheduled-task}), or directly over an SSH password logon ({@code ssh-password},
 * also the choice when the key is absent and the connection is one). Anything else is refused before a command
 * is sent: a double hop fails late and obscurely on the server ("access denied" on the second machine).
 */
public sealed interface HopRoute {

    /** The server the script runs on. */
    String host();

    /** Run the script on this host in the connected session. */
    record Direct(String host) implements HopRoute {
    }

    /** Run it as a scheduled task on this host, registered as {@code runAs} with the credential's password. */
    record ScheduledTask(String host, String runAs, CredentialRef credential) implements HopRoute {
    }

    /**
     * @param owner the machine that owns what the script reaches (AD: the domain's management host), if the
     *              operation has a single one; a copy between two servers has none
     */
    static HopRoute choose(RemoteTarget target, String operation, NetworkReach reach, Optional<String> owner) {
        if (reach == NetworkReach.LOCAL_ONLY) {
            return new Direct(target.host());
        }
        Connection connection = target.connection();
        boolean sshPassword = connection.protocol() == Connection.Protocol.SSH && connection.privateKeyFile().isEmpty();
        Optional<Connection.DoubleHop> hop = connection.doubleHop();
        if (hop.isEmpty()) {
            if (sshPassword) {
                return new Direct(target.host());
            }
            throw refused(target, operation, "no doubleHop is set for this server and its " + describe(connection)
                    + " session has no network credentials; set doubleHop to resource-owner, scheduled-task or ssh-password");
        }
        return switch (hop.get()) {
            case RESOURCE_OWNER -> new Direct(owner.orElseThrow(() -> refused(target, operation,
                    "doubleHop resource-owner, but this operation has no single machine that owns what it reaches;"
                            + " use scheduled-task or ssh-password for this server")));
            case SCHEDULED_TASK -> {
                if (connection.privateKeyFile().isPresent()) {
                    throw refused(target, operation, "doubleHop scheduled-task needs the account's password, but this"
                            + " server logs on with a key (its credential is the key's passphrase)");
                }
                yield new ScheduledTask(target.host(), connection.user(), connection.credential());
            }
            case SSH_PASSWORD -> {
                if (!sshPassword) {
                    throw refused(target, operation, "doubleHop ssh-password, but the server is reached by "
                            + describe(connection));
                }
                yield new Direct(target.host());
            }
        };
    }

    /** How a plan's heading names the route: nothing for a direct run. */
    static String describe(HopRoute route) {
        return route instanceof ScheduledTask task
                ? " (scheduled task as " + task.runAs() + ", password " + SecretMasker.MASK + ")" : "";
    }

    private static String describe(Connection connection) {
        if (connection.protocol() == Connection.Protocol.SSH) {
            return connection.privateKeyFile().isPresent() ? "SSH key" : "SSH password";
        }
        return connection.kerberos() ? "WinRM Kerberos" : "WinRM Basic";
    }

    private static OperationFailedException refused(RemoteTarget target, String operation, String why) {
        return new OperationFailedException(target.host(), operation, "reaches a second machine (double hop): " + why);
    }
}
