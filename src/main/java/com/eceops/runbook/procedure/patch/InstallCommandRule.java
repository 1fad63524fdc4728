package com.eceops.runbook.procedure.patch;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the readme's install command may be: one command run in the unzipped patch folder on each server, nothing
 * else. The approver sees it on the approval form; these rules keep what is approved from reaching further than
 * the patch (no chaining or redirection, no paths outside the patch folder) and keep secrets out of process
 * variables (a command that names a password would land in history). A leading '/' is a Windows switch, not a
 * path: the servers are Windows.
 */
final class InstallCommandRule {

    private static final Pattern CHAINING = Pattern.compile("[|;&`<>]|\\$\\(");
    private static final Pattern OUTSIDE_FOLDER = Pattern.compile(
            "(^|[\\s\"'=])([A-Za-z]:[\\\\/]|\\\\\\\\)|\\.\\.[\\\\/]|[\\\\/]\\.\\.($|[\\s\"'])|(^|\\s)\\.\\.($|\\s)");
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(pass(word|wd)?|pwd|secret|token|apikey)\\s*[=:]|(^|\\s)/p:|(^|\\s)-(pass(word)?|p|credential|secret|token)(\\s|$|:)");

    private InstallCommandRule() {
    }

    /** Null when the command may be registered; otherwise why not, naming the variable. */
    static String problem(String command) {
        if (command == null) {
            return null;
        }
        if (command.length() > 400 || command.contains("\n") || command.contains("\r")) {
            return "patchInstallCommand: one line of at most 400 characters, as the readme gives it";
        }
        if (CHAINING.matcher(command).find()) {
            return "patchInstallCommand: one command only, without pipes, ';', '&', redirection or sub-commands";
        }
        if (OUTSIDE_FOLDER.matcher(command).find()) {
            return "patchInstallCommand: it runs in the unzipped patch folder; name files relative to it, without"
                    + " drive letters, UNC or absolute paths or '..'";
        }
        if (CREDENTIAL.matcher(command.toLowerCase(Locale.ROOT)).find()) {
            return "patchInstallCommand: it looks like it carries a credential; secrets are never registered with"
                    + " a patch (the operator types them when the readme asks)";
        }
        return null;
    }
}
