package com.eceops.runbook.procedure.finalnotes;

import com.eceops.runbook.run.Var;
import com.eceops.runbook.run.RunVariables;

/** The process variables of the final notes (final-1 to final-6); form field keys use the same names. */
public final class FinalNotesVariables {

    // Read from the inventory for the forms.
    public static final Var<String> ECE_FQDN = Var.string("eceFqdn");
    public static final Var<String> ECE_URL = Var.string("eceUrl");
    public static final Var<String> LOGIN_URL = Var.string("partitionLoginUrl");
    public static final Var<String> PARTITION = Var.string("partition");
    public static final Var<String> KEYSTORE_DIRECTORY = Var.string("sharedKeystoreDirectory");
    public static final Var<String> KEYSTORE_FILE = Var.string("sharedKeystoreFile");
    public static final Var<String> KEYSTORE_HOST = Var.string("keystoreHost");
    public static final Var<Boolean> PCCE = Var.bool("pcce");
    public static final Var<Boolean> PRIVATE_CA_MAIL_SERVERS = Var.bool("privateCaMailServers");
    public static final Var<Boolean> SINGLE_SIGN_ON = Var.bool("singleSignOn");
    public static final Var<Integer> WARNING_DAYS = Var.integer("certificateWarningDays");
    public static final Var<String> SPOG_CONFIG_PATH = Var.string("spogConfigPath");
    public static final Var<String> LOAD_BALANCER_VIP = Var.string("loadBalancerVip");
    /** The inventory's persistence cookie name (loadBalancer.persistenceCookie), or null: then the person names it. */
    public static final Var<String> INVENTORY_PERSISTENCE_COOKIE = Var.string("inventoryPersistenceCookie");
    /** final-5: the persistence cookie's name as the person gives it when the inventory names none. */
    public static final Var<String> PERSISTENCE_COOKIE = Var.string("persistenceCookie");
    public static final Var<String> ADMIN_WORKSTATIONS = Var.string("adminWorkstations");

    // final-1
    public static final Var<Boolean> CERTIFICATE_BOUND = Var.bool("certificateBound");
    public static final Var<Boolean> CERTIFICATE_VERIFIED = Var.bool("certificateVerified");
    public static final Var<String> CERTIFICATE_CHECK_REPORT = Var.string("certificateCheckReport");
    /** Set when the certificate is good but expires within the warning days; kept for the run's record. */
    public static final Var<String> CERTIFICATE_WARNING = Var.string("certificateWarning");
    public static final Var<Long> CERTIFICATE_DAYS_LEFT = Var.whole("certificateDaysLeft");
    /** SHA-256 thumbprint(s) of the certificate the web servers serve, for final-6's form (public, not a secret). */
    public static final Var<String> CERTIFICATE_THUMBPRINT = Var.string("eceCertificateThumbprint");

    // Before final-2: ECE started and its login page waited for (a timer-and-check loop).
    public static final Var<Boolean> LOGIN_PAGE_SHOWN = Var.bool("loginPageShown");
    public static final Var<String> LOGIN_PAGE_REPORT = Var.string("loginPageReport");
    /**
     * Name only, for StartCiscoServicesDelegate, being reshaped into a shared called process; use
     * {@link RunVariables#POLL_COUNT}.
     */

    // final-2
    public static final Var<String> PARTITION_URL = Var.string("partitionUrl");
    public static final Var<Boolean> PARTITION_URL_VERIFIED = Var.bool("partitionUrlVerified");
    public static final Var<String> PARTITION_URL_CHECK_REPORT = Var.string("partitionUrlCheckReport");

    // final-3 and final-4: one set of variables per keystore item, "<item>Certificates", "<item>CertificatesReason", ...
    /** The multi-instance element: {@code mail} (final-3) or {@code sso} (final-4). */
    public static final Var<String> KEYSTORE_ITEM = Var.string("keystoreItem");
    public static final Var<String> MAIL_CERTIFICATES = Var.string("mailCertificates");
    public static final Var<String> MAIL_CERTIFICATES_REASON = Var.string("mailCertificatesReason");
    public static final Var<String> MAIL_CERTIFICATES_IDENTITY = Var.string("mailCertificatesIdentity");
    public static final Var<Boolean> MAIL_CERTIFICATES_VERIFIED = Var.bool("mailCertificatesVerified");
    public static final Var<String> MAIL_CERTIFICATES_CHECK_REPORT = Var.string("mailCertificatesCheckReport");
    public static final Var<String> SSO_CERTIFICATES = Var.string("ssoCertificates");
    public static final Var<String> SSO_CERTIFICATES_REASON = Var.string("ssoCertificatesReason");
    public static final Var<String> SSO_CERTIFICATES_IDENTITY = Var.string("ssoCertificatesIdentity");
    public static final Var<Boolean> SSO_CERTIFICATES_VERIFIED = Var.bool("ssoCertificatesVerified");
    public static final Var<String> SSO_CERTIFICATES_CHECK_REPORT = Var.string("ssoCertificatesCheckReport");
    /** The person's choices on the import forms. */
    public static final String IMPORTED = "imported";
    public static final String NOT_APPLICABLE = "notApplicable";

    // final-5
    public static final Var<Boolean> ONE_WEB_SERVER_ACTIVE = Var.bool("oneWebServerActive");
    public static final Var<Boolean> COOKIE_INSERT_CONFIGURED = Var.bool("cookieInsertConfigured");
    public static final Var<Boolean> CONTENT_HEALTH_CHECK_CONFIGURED = Var.bool("contentHealthCheckConfigured");
    public static final Var<Boolean> LOAD_BALANCER_VERIFIED = Var.bool("loadBalancerVerified");
    public static final Var<String> LOAD_BALANCER_CHECK_REPORT = Var.string("loadBalancerCheckReport");

    // final-6
    public static final Var<Boolean> SPOG_CONFIG_EDITED = Var.bool("spogConfigEdited");
    public static final Var<Boolean> ADMIN_WORKSTATIONS_TRUST_ECE = Var.bool("adminWorkstationsTrustEce");
    public static final Var<Boolean> TOMCAT_RESTARTED = Var.bool("tomcatRestarted");
    public static final Var<Boolean> PCCE_GADGET_VERIFIED = Var.bool("pcceGadgetVerified");
    public static final Var<String> PCCE_GADGET_CHECK_REPORT = Var.string("pcceGadgetCheckReport");

    private FinalNotesVariables() {
    }

    /**
     * The variables of one keystore item.
     *
     * @param choice {@link #IMPORTED} or {@link #NOT_APPLICABLE}, as the person chose
     * @param reason why the item does not apply, when it does not
     * @param identities the SHA-256 fingerprints or subjects of the certificates the person imported, one a line
     */
    public record KeystoreItem(Var<String> choice, Var<String> reason, Var<String> identities, Var<Boolean> verified,
            Var<String> report) {
    }

    public static final KeystoreItem MAIL = new KeystoreItem(MAIL_CERTIFICATES, MAIL_CERTIFICATES_REASON,
            MAIL_CERTIFICATES_IDENTITY, MAIL_CERTIFICATES_VERIFIED, MAIL_CERTIFICATES_CHECK_REPORT);
    public static final KeystoreItem SSO = new KeystoreItem(SSO_CERTIFICATES, SSO_CERTIFICATES_REASON,
            SSO_CERTIFICATES_IDENTITY, SSO_CERTIFICATES_VERIFIED, SSO_CERTIFICATES_CHECK_REPORT);

    /** final-3 is item {@code mail}, final-4 item {@code sso}. */
    public static KeystoreItem keystoreItem(String item) {
        return switch (item) {
            case "mail" -> MAIL;
            case "sso" -> SSO;
            default -> throw new IllegalArgumentException("no keystore item '" + item + "'; mail or sso");
        };
    }
}
