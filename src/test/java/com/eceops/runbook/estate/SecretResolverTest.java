package com.eceops.runbook.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

    static final CredentialRef SQL_SERVICE = new CredentialRef("sql-service");

    @TempDir
    Path dir;

    SecretResolver resolverWith(Map<String, String> environment) {
        return new SecretResolver(environment::get, dir.resolve("secrets.properties"));
    }

    void secretsFile(String content) throws IOException {
        Files.writeString(dir.resolve("secrets.properties"), content);
    }

    @Test
    void theEnvironmentVariableWinsOverTheSecretsFile() throws IOException {
        secretsFile("sql-service=from-file\n");
        Secret secret = resolverWith(Map.of("RUNBOOK_SECRET_SQL_SERVICE", "from-environment")).resolve(SQL_SERVICE);
        assertThat(secret.reveal()).isEqualTo("from-environment");
    }

    @Test
    void theSecretsFileIsUsedWhenTheEnvironmentHasNoValue() throws IOException {
        secretsFile("# rotated 2026-10\nsql-service = P@ss:w=rd!\ncluster-admin=other\n");
        assertThat(resolverWith(Map.of()).resolve(SQL_SERVICE).reveal()).isEqualTo("P@ss:w=rd!");
        assertThat(resolverWith(Map.of("RUNBOOK_SECRET_SQL_SERVICE", "")).resolve(SQL_SERVICE).reveal()).isEqualTo("P@ss:w=rd!");
    }

    @Test
    void aSecretNeverPrintsItsValue() {
        Secret secret = resolverWith(Map.of("RUNBOOK_SECRET_SQL_SERVICE", "hunter2")).resolve(SQL_SERVICE);
        assertThat(secret).hasToString("******");
        assertThat("connecting with " + secret).doesNotContain("hunter2");
    }

    @Test
    void aMissingSecretNamesTheReferenceAndBothPlacesLookedButNoValue() throws IOException {
        secretsFile("ece-service=do-not-show-me\n");
        assertThatThrownBy(() -> resolverWith(Map.of("RUNBOOK_SECRET_ECE_SERVICE", "nor-me")).resolve(SQL_SERVICE))
                .isInstanceOf(MissingSecretException.class)
                .hasMessageContaining("'sql-service'")
                .hasMessageContaining("RUNBOOK_SECRET_SQL_SERVICE")
                .hasMessageContaining(dir.resolve("secrets.properties").toString())
                .message().doesNotContain("do-not-show-me").doesNotContain("nor-me");
    }

    @Test
    void aMissingSecretsFileIsSaidSo() {
        assertThatThrownBy(() -> resolverWith(Map.of()).resolve(SQL_SERVICE))
                .isInstanceOf(MissingSecretException.class).hasMessageContaining("does not exist");
    }

    @Test
    void anUnreadableSecretsFileDoesNotQuoteIt() throws IOException {
        secretsFile("sql-service=s3cret\\u12\n");
        assertThatThrownBy(() -> resolverWith(Map.of()).resolve(SQL_SERVICE))
                .isInstanceOf(MissingSecretException.class)
                .message().contains("cannot be read").doesNotContain("s3cret");
    }
}
