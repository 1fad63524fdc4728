package com.eceops.runbook.estate;

import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Binds the optional {@code sqlServer.connection} mapping; kept apart from the loader so the loader barely changes. */
final class SqlConnectionReader {

    static final ScalarType<SqlConnectionProfile.Auth> AUTH = (ScalarNode node) -> switch (node.getValue().toLowerCase(Locale.ROOT)) {
        case "ntlm" -> SqlConnectionProfile.Auth.NTLM;
        case "kerberos" -> SqlConnectionProfile.Auth.KERBEROS;
        case "sql" -> SqlConnectionProfile.Auth.SQL;
        default -> throw new IllegalArgumentException("'" + node.getValue() + "' is not an authentication (ntlm, kerberos or sql)");
    };

    private SqlConnectionReader() {
    }

    static Optional<SqlConnectionProfile> read(YamlMap sqlServer) {
        if (sqlServer == null) {
            return Optional.empty();
        }
        Optional<YamlMap> found = sqlServer.optionalMap("connection");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = found.get();
        SqlConnectionProfile.Auth auth = map.required("auth", AUTH);
        String user = map.required("user", ScalarType.TEXT);
        Optional<String> domain = map.optional("domain", ScalarType.TEXT);
        Optional<CredentialRef> credential = map.optional("credential", ScalarType.CREDENTIAL);
        boolean encrypt = map.optional("encrypt", ScalarType.BOOLEAN).orElse(true);
        boolean trust = map.optional("trustServerCertificate", ScalarType.BOOLEAN).orElse(false);
        Optional<String> hostName = map.optional("hostNameInCertificate", ScalarType.TEXT);
        Optional<String> trustStore = map.optional("trustStore", ScalarType.TEXT);
        Integer timeout = map.optional("loginTimeoutSeconds", ScalarType.INTEGER)
                .orElse(SqlConnectionProfile.DEFAULT_LOGIN_TIMEOUT_SECONDS);
        map.finish();
        if (timeout != null && (timeout < 1 || timeout > 600)) {
            map.problems().add(map.path("loginTimeoutSeconds"), map.line("loginTimeoutSeconds"),
                    "a login timeout is 1 to 600 seconds, not " + timeout);
            timeout = null;
        }
        if (auth != null && auth != SqlConnectionProfile.Auth.KERBEROS && credential.isEmpty() && !map.has("credential")) {
            map.problems().add(map.path("credential"), map.line(),
                    "the required key 'credential' is missing (" + auth.name().toLowerCase(Locale.ROOT) + " logins need a password)");
        }
        if (auth == SqlConnectionProfile.Auth.NTLM && domain.isEmpty() && !map.has("domain")) {
            map.problems().add(map.path("domain"), map.line(), "the required key 'domain' is missing (NTLM needs the NetBIOS domain)");
        }
        if (auth == null || user == null || timeout == null) {
            return Optional.empty();
        }
        return Optional.of(new SqlConnectionProfile(auth, user, domain, credential, encrypt, trust, hostName, trustStore, timeout));
    }
}
