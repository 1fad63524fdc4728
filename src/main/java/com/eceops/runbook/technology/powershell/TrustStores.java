package com.eceops.runbook.technology.powershell;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Overthere's strict WinRM HTTPS check trusts what the JVM's default trust managers trust and offers no
 * per-connection store. The inventory's {@code trustStore} therefore becomes the process's trust store, once,
 * and only when nobody chose one on the command line ({@code -Djavax.net.ssl.trustStore}); two different
 * stores in one process are refused rather than silently mixed.
 */
final class TrustStores {

    private static final Logger LOG = LoggerFactory.getLogger(TrustStores.class);
    private static final String PROPERTY = "javax.net.ssl.trustStore";

    private TrustStores() {
    }

    static synchronized void useForWinRm(String trustStore) {
        String chosen = System.getProperty(PROPERTY);
        if (chosen != null) {
            if (!Path.of(chosen).toAbsolutePath().equals(Path.of(trustStore).toAbsolutePath())) {
                throw new IllegalStateException("the inventory names the trust store " + trustStore
                        + " but this process already uses " + chosen + "; one process has one trust store");
            }
            return;
        }
        if (!Files.isReadable(Path.of(trustStore))) {
            throw new IllegalStateException("the trust store " + trustStore + " cannot be read");
        }
        System.setProperty(PROPERTY, trustStore);
        System.setProperty("javax.net.ssl.trustStoreType", trustStore.endsWith(".jks") ? "JKS" : "PKCS12");
        LOG.info("WinRM HTTPS certificates are checked against the trust store {}", trustStore);
    }
}
