package com.eceops.runbook.procedure.finalnotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.lab.LabKeystore;

/**
 * The shared keystore read without its password: JKS and password-less PKCS12 list their certificates; a PKCS12
 * with protected certificates is said to be unreadable rather than empty; certificates are found by SHA-256
 * fingerprint (any separators or case) or by subject.
 */
class KeystoreCertificatesTest {

    private static final X509Certificate MAIL_CA = LabKeystore.certificate("mail-server-ca");

    private static byte[] keystore(String type, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setCertificateEntry("mailca", MAIL_CA);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password == null ? null : password.toCharArray());
        return out.toByteArray();
    }

    @Test
    void aJksKeystoreListsItsCertificatesWithoutThePassword() throws Exception {
        KeystoreCertificates contents = KeystoreCertificates.read(keystore("JKS", "changeit"));
        assertThat(contents.type()).isEqualTo("JKS");
        assertThat(contents.entries()).singleElement().satisfies(e -> {
            assertThat(e.alias()).isEqualTo("mailca");
            assertThat(e.subject()).contains("CN=MassiveDynamic Mail Root CA");
        });
    }

    @Test
    void certificatesAreFoundByFingerprintOrSubjectAndOthersAreNot() throws Exception {
        KeystoreCertificates contents = KeystoreCertificates.read(keystore("JKS", "changeit"));
        String fingerprint = KeystoreCertificates.sha256(MAIL_CA);
        String colons = fingerprint.replaceAll("(..)(?!$)", "$1:").toLowerCase();
        assertThat(contents.find(fingerprint)).isPresent();
        assertThat(contents.find(colons)).isPresent();
        assertThat(contents.find("MassiveDynamic Mail Root CA")).isPresent();
        assertThat(contents.find("CN=MassiveDynamic Mail Root CA, O=MassiveDynamic Lab")).isPresent();
        assertThat(contents.find("CN=Some Other CA")).isEmpty();
        assertThat(contents.find("00" + fingerprint.substring(2))).isEmpty();
    }

    @Test
    void aPkcs12KeystoreWithProtectedCertificatesIsSaidToBeUnreadableNotEmpty() throws Exception {
        byte[] protectedStore = keystore("PKCS12", "changeit");
        assertThatThrownBy(() -> KeystoreCertificates.read(protectedStore)).isInstanceOf(IOException.class)
                .hasMessageContaining("PKCS12", "without its password");
    }

    @Test
    void bytesThatAreNoKeystoreAreAClearFailure() {
        assertThatThrownBy(() -> KeystoreCertificates.read("not a keystore".getBytes())).isInstanceOf(IOException.class)
                .hasMessageContaining("not a keystore");
    }
}
