package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.SqlConnectionProfile;
import java.util.Properties;

/**
 * The mssql-jdbc URL and properties of a profile and target. The URL holds no user and no password, so it can
 * be logged as it is; the password goes only into the {@link Properties} handed to the driver.
 */
final class JdbcUrls {

    private JdbcUrls() {
    }

    static String url(SqlConnectionProfile profile, SqlTarget target, String database) {
        StringBuilder url = new StringBuilder("jdbc:sqlserver://").append(target.serverName());
        target.instanceName().ifPresent(i -> url.append('\\').append(i));
        target.port().ifPresent(p -> url.append(':').append(p));
        url.append(";databaseName=").append(escape(database));
        url.append(";applicationName=ece-ha-runbook");
        url.append(";loginTimeout=").append(profile.loginTimeoutSeconds());
        url.append(";encrypt=").append(profile.encrypt());
        url.append(";trustServerCertificate=").append(profile.trustServerCertificate());
        profile.hostNameInCertificate().ifPresent(h -> url.append(";hostNameInCertificate=").append(escape(h)));
        profile.trustStore().ifPresent(t -> url.append(";trustStore=").append(escape(t)));
        if (target.listener()) {
            url.append(";multiSubnetFailover=true");
        }
        switch (profile.auth()) {
            case NTLM -> url.append(";integratedSecurity=true;authenticationScheme=NTLM;domain=")
                    .append(escape(profile.domain().orElse("")));
            case KERBEROS -> url.append(";integratedSecurity=true;authenticationScheme=JavaKerberos");
            case SQL -> { }
        }
        return url.toString();
    }

    /** user and password: the only place a password goes. */
    static Properties credentials(SqlConnectionProfile profile, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", profile.user());
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** A value inside braces, where ';' and '=' are literal; '}' is doubled (the driver's escaping rule). */
    private static String escape(String value) {
        return value.matches("[A-Za-z0-9._*\\-\\\\ :/]*") ? value : "{" + value.replace("}", "}}") + "}";
    }
}
