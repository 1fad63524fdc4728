package com.eceops.runbook.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production configuration without Docker: the packaged jar, started with the environment that
 * docker/compose.yaml gives the application container, against a real PostgreSQL.
 */
class PostgresComposeIT {

    private static final String DB_PASSWORD = "it-db-password-0815";

    @Test
    void theJarStartedWithTheComposeEnvironmentRunsOnPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            createRunbookDatabase(postgres);
            Path data = Files.createTempDirectory("runbook-postgres");
            int port = RunbookJar.freePort();
            Map<String, String> env = composeEnvironment();
            // Only what differs between a container and this host: where things are.
            env.put("RUNBOOK_DB_HOST", "localhost");
            env.put("RUNBOOK_DB_PORT", Integer.toString(postgres.getPort()));
            env.putAll(Map.of(
                    "RUNBOOK_DATA_DIR", data.toString(),
                    "RUNBOOK_ESTATES_DIR", Path.of("estates").toAbsolutePath().toString(),
                    "RUNBOOK_SECRETS_FILE", data.resolve("secrets.properties").toString(),
                    "RUNBOOK_PORT", Integer.toString(port)));

            try (RunbookJar jar = RunbookJar.start(env)) {
                jar.awaitHealthy(Duration.ofMinutes(3));
                var started = jar.postJson("/engine-rest/process-definition/key/Preinstallation/start",
                        "{\"variables\":{\"estate\":{\"value\":\"massivedynamic\"},\"runMode\":{\"value\":\"rehearsal\"}}}");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            }
            assertThat(count(postgres, "select count(*) from act_re_procdef where key_ = 'Preinstallation'")).isEqualTo(1);
            assertThat(count(postgres, "select count(*) from act_hi_procinst where business_key_ like 'massivedynamic.rehearsal.%'"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(count(postgres, "select count(*) from act_id_group where id_ in ('operators','dbas','domain-admins','change-managers','managers')"))
                    .isEqualTo(5);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> composeEnvironment() throws Exception {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("docker/compose.yaml"))) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        Map<String, Object> runbook = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("runbook");
        Map<String, String> env = new HashMap<>();
        ((Map<String, Object>) runbook.get("environment")).forEach((name, value) -> env.put(name, String.valueOf(value)
                .replaceAll("\\$\\{RUNBOOK_DB_PASSWORD:\\?[^}]*}", DB_PASSWORD)
                .replaceAll("\\$\\{RUNBOOK_ADMIN_PASSWORD:\\?[^}]*}", RunbookJar.ADMIN_PASSWORD)));
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "postgres").containsKeys("RUNBOOK_DB_NAME", "RUNBOOK_DB_USER");
        return env;
    }

    private static void createRunbookDatabase(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create role runbook login password '" + DB_PASSWORD + "'");
            statement.execute("create database runbook owner runbook");
        }
    }

    private static long count(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection connection = postgres.getDatabase("runbook", "runbook").getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
