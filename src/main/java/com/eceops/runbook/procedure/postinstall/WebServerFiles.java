package com.eceops.runbook.procedure.postinstall;

import java.util.List;

import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;

/**
 * post-10 on one web server: where its gadget files and their backups are, and what they must say: the ECE FQDN as
 * the server's name, and the gadget's URL on the site ({@code eceSite}: the FQDN, with the port when not 443).
 */
record WebServerFiles(String host, String eceHome, String eceFqdn, String eceSite) {

    /** Suffix of the one backup copy made next to each file before post-10 edits it. */
    static final String BACKUP_SUFFIX = ".post-10.bak";
    static final String PROTOCOL_VAR = "web_server_protocol";
    static final String NAME_VAR = "web_server_name";
    static final String PROTOCOL = "https";
    /** The files post-10 edits; spog_config.js is a PCCE item of the final notes (final-6), not post-10's. */
    static final List<EceConfigFile> EDITED = List.of(EceConfigFile.ECE_CONFIG_JS, EceConfigFile.AGENT_XML);

    static WebServerFiles of(RunContext run, String host) {
        String home = run.ece().readInstallation(host).eceHome();
        if (home == null) {
            throw new OperationFailedException(host, "find the ECE home", "ECE setup has not run on " + host);
        }
        return new WebServerFiles(host, home, run.estate().ece().fqdn(), run.estate().ece().siteAuthority());
    }

    String path(EceConfigFile file) {
        return eceHome + "\\" + file.relativePath();
    }

    String backup(EceConfigFile file) {
        return path(file) + BACKUP_SUFFIX;
    }

    /** The file's content as post-10 wants it. */
    String wanted(EceConfigFile file, String content) {
        return switch (file) {
            case ECE_CONFIG_JS -> WebServerConfigText.withJsVar(
                    WebServerConfigText.withJsVar(content, PROTOCOL_VAR, PROTOCOL), NAME_VAR, eceFqdn);
            case AGENT_XML -> WebServerConfigText.withGadgetHost(content, eceSite);
            default -> throw new IllegalArgumentException("post-10 does not edit " + file.relativePath());
        };
    }
}
