package com.eceops.runbook.estate;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where inventories and secrets live: {@code runbook.estates.dir} holds one {@code <estate>.yaml} per estate;
 * {@code runbook.estates.secrets-file} is a Java properties file of credential reference to secret.
 */
@ConfigurationProperties("runbook.estates")
public record EstateProperties(
        @DefaultValue("./estates") Path dir,
        @DefaultValue("./secrets/secrets.properties") Path secretsFile) {
}
