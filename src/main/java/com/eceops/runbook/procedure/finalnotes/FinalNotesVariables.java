package com.eceops.runbook.procedure.finalnotes;

/** The process variables of the final notes (final-1 to final-6); form field keys use the same names. */
public final class FinalNotesVariables {

    // Read from the inventory for the forms.
    public static final String ECE_FQDN = "eceFqdn";
    public static final String ECE_URL = "eceUrl";
    public static final String LOGIN_URL = "partitionLoginUrl";
    public static final String PARTITION = "partition";
    public static final String KEYSTORE_DIRECTORY = "sharedKeystoreDirectory";
    public static final String KEYSTORE_FILE = "sharedKeystoreFile";
    public static final String KEYSTORE_HOST = "keystoreHost";
    public static final String PCCE = "pcce";
    public static final String PRIVATE_CA_MAIL_SERVERS = "privateCaMailServers";
    public static final String SINGLE_SIGN_ON = "singleSignOn";
    public static final String WARNING_DAYS = "certificateWarningDays";
    public static final String SPOG_CONFIG_PATH = "spogConfigPath";
    public static final String LOAD_BALANCER_VIP = "loadBalancerVip";
    /** The inventory's persistence cookie name (loadBalancer.persistenceCookie), or null: then the person names it. */
    public static final String INVENTORY_PERSISTENCE_COOKIE = "inventoryPersistenceCookie";
    /** final-5: the persistence cookie's name as the person gives it when the inventory names none. */
    public static final String PERSISTENCE_COOKIE = "persistenceCookie";
    public static final String ADMIN_WORKSTATIONS = "adminWorkstations";

    // final-1
    public static final String CERTIFICATE_BOUND = "certificateBound";
    public static final String CERTIFICATE_VERIFIED = "certificateVerified";
    public static final String CERTIFICATE_CHECK_REPORT = "certificateCheckReport";
    /** Set when the certificate is good but expires within the warning days; kept for the run's record. */
    public static final String CERTIFICATE_WARNING = "certificateWarning";
    public static final String CERTIFICATE_DAYS_LEFT = "certificateDaysLeft";
    /** SHA-256 thumbprint(s) of the certificate the web servers serve, for final-6's form (public, not a secret). */
    public static final String CERTIFICATE_THUMBPRINT = "eceCertificateThumbprint";

    // Before final-2: ECE started and its login page waited for (a timer-and-check loop).
    public static final String LOGIN_PAGE_SHOWN = "loginPageShown";
    public static final String LOGIN_PAGE_REPORT = "loginPageReport";
    /** Checks of the loop so far, compared with {@code maxPolls} by the model; the escalation task resets it. */
    public static final String POLL_COUNT = "pollCount";

    // final-2
    public static final String PARTITION_URL = "partitionUrl";
    public static final String PARTITION_URL_VERIFIED = "partitionUrlVerified";
    public static final String PARTITION_URL_CHECK_REPORT = "partitionUrlCheckReport";

    // final-3 and final-4: "<item>Certificates", "<item>CertificatesReason", "<item>CertificatesVerified", ...
    public static final String KEYSTORE_ITEM = "keystoreItem";
    public static final String IMPORTED = "imported";
    public static final String NOT_APPLICABLE = "notApplicable";

    // final-5
    public static final String ONE_WEB_SERVER_ACTIVE = "oneWebServerActive";
    public static final String COOKIE_INSERT_CONFIGURED = "cookieInsertConfigured";
    public static final String CONTENT_HEALTH_CHECK_CONFIGURED = "contentHealthCheckConfigured";
    public static final String LOAD_BALANCER_VERIFIED = "loadBalancerVerified";
    public static final String LOAD_BALANCER_CHECK_REPORT = "loadBalancerCheckReport";

    // final-6
    public static final String SPOG_CONFIG_EDITED = "spogConfigEdited";
    public static final String ADMIN_WORKSTATIONS_TRUST_ECE = "adminWorkstationsTrustEce";
    public static final String TOMCAT_RESTARTED = "tomcatRestarted";
    public static final String PCCE_GADGET_VERIFIED = "pcceGadgetVerified";
    public static final String PCCE_GADGET_CHECK_REPORT = "pcceGadgetCheckReport";

    private FinalNotesVariables() {
    }

    /** final-3 is item {@code mail}, final-4 item {@code sso}. */
    public static String choice(String item) {
        return item + "Certificates";
    }

    static String reason(String item) {
        return item + "CertificatesReason";
    }

    /** The SHA-256 fingerprints or subjects of the certificates the person imported, one a line. */
    static String identities(String item) {
        return item + "CertificatesIdentity";
    }

    static String verified(String item) {
        return item + "CertificatesVerified";
    }

    static String report(String item) {
        return item + "CertificatesCheckReport";
    }
}
