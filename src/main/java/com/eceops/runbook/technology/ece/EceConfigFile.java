package com.eceops.runbook.technology.ece;

/** The web server files the procedure edits, relative to the ECE home. */
public enum EceConfigFile {
    ECE_CONFIG_JS("eService\\templates\\finesse\\gadget\\agent\\ece_config.js"),
    AGENT_XML("eService\\templates\\finesse\\gadget\\layout\\agent.xml"),
    /** The ECE gadget in PCCE's single pane of glass (final-6). */
    SPOG_CONFIG_JS("eService\\templates\\finesse\\gadget\\spog\\spog_config.js");

    private final String relativePath;

    EceConfigFile(String relativePath) {
        this.relativePath = relativePath;
    }

    public String relativePath() {
        return relativePath;
    }
}
