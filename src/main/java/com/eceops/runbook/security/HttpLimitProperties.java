package com.eceops.runbook.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on requests to the REST API and the web applications' API ({@code runbook.http.*}). A plain number is
 * bytes; {@code 2MB} also works.
 */
@ConfigurationProperties("runbook.http")
public record HttpLimitProperties(DataSize maxRequestBytes) {

    public HttpLimitProperties {
        maxRequestBytes = maxRequestBytes == null || maxRequestBytes.toBytes() < 1 ? DataSize.ofMegabytes(1)
                : maxRequestBytes;
    }
}
