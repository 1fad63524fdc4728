package com.eceops.runbook.lab;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * The certificates a person imports into the shared keystore in the lab (final-3, final-4): fixed CA
 * certificates made for the lab (resources {@code lab/certificates/<alias>.pem}: a mail server CA, a Cisco IDS
 * certificate), written into a real JKS keystore so that the check reads the lab's keystore as it reads a real one.
 */
public final class LabKeystore {

    /**
     * The JDK's well-known default store password, used only to write the lab's keystore: JKS needs one to store,
     * none to read certificates. It is no secret of any estate.
     */
    private static final char[] JDK_DEFAULT_STORE_PASSWORD = "changeit".toCharArray();

    private LabKeystore() {
    }

    /** The lab's certificate known by {@code alias}. */
    public static X509Certificate certificate(String alias) {
        String resource = "/lab/certificates/" + alias.toLowerCase(Locale.ROOT) + ".pem";
        try (InputStream in = LabKeystore.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("the lab has no certificate " + alias);
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the lab's certificate " + alias + " cannot be read", e);
        }
    }

    /** The keystore with the alias's certificate added, or null when it is there already (nothing to change). */
    static byte[] withCertificate(byte[] keystore, String alias) {
        try {
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(keystore == null ? null : new ByteArrayInputStream(keystore), null);
            if (store.containsAlias(alias)) {
                return null;
            }
            store.setCertificateEntry(alias, certificate(alias));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, JDK_DEFAULT_STORE_PASSWORD);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the lab cannot write its keystore", e);
        }
    }
}
