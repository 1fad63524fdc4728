package com.eceops.runbook.procedure.finalnotes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The certificates in a Java keystore file, read without its password: a JKS keystore (ECE's bundled JDK's
 * cacerts) gives its certificate entries without one (only the integrity check needs it); a PKCS12 keystore does
 * when its certificates are not encrypted (the JDK's own cacerts since JDK 18). A PKCS12 keystore whose
 * certificates are encrypted shows none; that is said as it is rather than taken for an empty keystore.
 */
record KeystoreCertificates(String type, List<Entry> entries) {

    private static final int JKS_MAGIC = 0xFEEDFEED;

    record Entry(String alias, String subject, String sha256) {
    }

    static KeystoreCertificates read(byte[] bytes) throws IOException {
        String type = bytes.length >= 4 && ((bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8
                | (bytes[3] & 0xFF)) == JKS_MAGIC ? "JKS" : "PKCS12";
        List<Entry> entries = new ArrayList<>();
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(new ByteArrayInputStream(bytes), null);
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    entries.add(new Entry(alias, x509.getSubjectX500Principal().getName(), sha256(x509)));
                }
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("it is not a keystore the runbook can read (" + type + "): " + e.getMessage(), e);
        }
        if (entries.isEmpty() && "PKCS12".equals(type)) {
            throw new IOException("it is a PKCS12 keystore whose certificates cannot be read without its password"
                    + " (or it holds none); list it with keytool -list on the collocated server");
        }
        return new KeystoreCertificates(type, List.copyOf(entries));
    }

    /**
     * The entry a person's line names: a SHA-256 fingerprint (colons, spaces and case ignored) or a subject, either
     * the whole distinguished name or its common name.
     */
    Optional<Entry> find(String given) {
        String fingerprint = given.replaceAll("[:\\s]", "").toUpperCase(Locale.ROOT);
        String subject = given.strip().toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.sha256().equals(fingerprint)
                || e.subject().toLowerCase(Locale.ROOT).equals(subject.replaceAll(",\\s+", ","))
                || commonName(e.subject()).equals(subject.startsWith("cn=") ? subject.substring(3) : subject)).findFirst();
    }

    private static String commonName(String subject) {
        for (String part : subject.split(",")) {
            if (part.strip().toLowerCase(Locale.ROOT).startsWith("cn=")) {
                return part.strip().substring(3).toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    static String sha256(X509Certificate certificate) throws GeneralSecurityException {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
