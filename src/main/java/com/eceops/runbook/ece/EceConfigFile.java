package com.eceops.runbook.ece;

/** The web server files the procedure edits, relative to the ECE home. */
public enum EceConfigFile {
    ECE_CONFIG_JS("eService\\templates\\finesse\\gadget\\agent\\ece_config.js"),
    AGENT_XML("eService\\templates\\finesse\\gadget\\layout\\agent.xml");

    private final String relativePath;

    EceConfigFile(String relativePath) {
        this.relativePath = relativePath;
    }

    public String relativePath() {
        return relativePath;
    }
}
