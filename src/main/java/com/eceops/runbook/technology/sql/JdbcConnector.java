package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.estate.SecretResolver;
import com.eceops.runbook.estate.SqlConnectionProfile;
import com.eceops.runbook.operations.OperationFailedException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens mssql-jdbc connections for one profile. Warns, every time, when a connection uses SQL authentication
 * (lab only) or runs without TLS, so that neither goes unnoticed in a run's log.
 */
final class JdbcConnector {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConnector.class);

    private final SqlConnectionProfile profile;
    private final SecretResolver secrets;

    JdbcConnector(SqlConnectionProfile profile, SecretResolver secrets) {
        this.profile = profile;
        this.secrets = secrets;
    }

    Connection open(SqlTarget target, String database) {
        String url = JdbcUrls.url(profile, target, database);
        if (profile.auth() == SqlConnectionProfile.Auth.SQL) {
            LOG.warn("{}: SQL authentication as {}: for labs only, ECE HA supports only Windows authentication",
                    target.label(), profile.user());
        }
        if (!profile.encrypt()) {
            LOG.warn("{}: TLS is off (sqlServer.connection.encrypt: false): credentials and data cross the network in clear",
                    target.label());
        } else if (profile.trustServerCertificate()) {
            LOG.warn("{}: the server certificate is not validated (trustServerCertificate: true)", target.label());
        }
        LOG.info("{}: connecting {} as {}", target.label(), SecretMasker.mask(url), profile.user());
        String password = profile.credential().map(secrets::resolve).map(s -> s.reveal()).orElse(null);
        try {
            return DriverManager.getConnection(url, JdbcUrls.credentials(profile, password));
        } catch (SQLException e) {
            throw new OperationFailedException(target.label(), "connect to " + target.serverName(),
                    SecretMasker.mask("error " + e.getErrorCode() + ": " + e.getMessage()));
        }
    }

    @Override
    public String toString() {
        return "JdbcConnector[" + profile.auth() + " as " + profile.user() + "]";
    }
}
