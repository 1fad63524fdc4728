package com.eceops.runbook.technology.powershell;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.eceops.runbook.estate.Secret;

/**
 * A PowerShell script as the runbook sends it: a fixed body that reads its values from variables, and the
 * values bound to those variables as literals above it. The body never contains a value, so what a script
 * does cannot depend on what an inventory or a form holds.
 */
public record PowerShellScript(String operation, Map<String, Object> parameters, String body, NetworkReach reach) {

    /** Errors stop the script, progress records stay off stderr, and JSON leaves as UTF-8. */
    public static final String PREAMBLE = """
            $ErrorActionPreference = 'Stop'
            $ProgressPreference = 'SilentlyContinue'
            [Console]::OutputEncoding = [System.Text.Encoding]::UTF8
            $OutputEncoding = [System.Text.Encoding]::UTF8
            """;

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    /** PowerShell's automatic and preference variables: names are case-insensitive, so "Host" is $host. */
    private static final Set<String> RESERVED = Set.of("ARGS", "ERROR", "EVENT", "EVENTARGS", "EXECUTIONCONTEXT",
            "FALSE", "FOREACH", "HOME", "HOST", "INPUT", "LASTEXITCODE", "MATCHES", "MYINVOCATION", "NULL", "OFS",
            "OUTPUTENCODING", "PID", "PROFILE", "PSBOUNDPARAMETERS", "PSCMDLET", "PSHOME", "PSITEM", "PWD",
            "SENDER", "SHELLID", "STACKTRACE", "THIS", "TRUE", "ERRORACTIONPREFERENCE", "PROGRESSPREFERENCE");

    public PowerShellScript {
        parameters = new LinkedHashMap<>(parameters);
        reach = reach == null ? NetworkReach.LOCAL_ONLY : reach;
        for (String name : parameters.keySet()) {
            if (!NAME.matcher(name).matches() || RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not a usable parameter name: " + name);
            }
        }
    }

    public static PowerShellScript of(String operation, String body) {
        return new PowerShellScript(operation, Map.of(), body, NetworkReach.LOCAL_ONLY);
    }

    /** The same script, declaring that it reaches a second machine (or not). */
    public PowerShellScript reaching(NetworkReach what) {
        return new PowerShellScript(operation, parameters, body, what);
    }

    public PowerShellScript with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new PowerShellScript(operation, more, body, reach);
    }

    /** Whether a value bound above the body is a secret, alone or in a list. */
    public boolean carriesSecret() {
        return parameters.values().stream().anyMatch(value -> value instanceof Secret
                || value instanceof Collection<?> items && items.stream().anyMatch(Secret.class::isInstance));
    }

    /** The text to send: secrets included. Never log it. */
    public String text() {
        return render(true);
    }

    /** The text to log, record or show: secrets masked. */
    public String shown() {
        return render(false);
    }

    /** The first line of the body, which names what the script does in error messages. */
    public String firstLine() {
        return body.strip().lines().findFirst().orElse("");
    }

    private String render(boolean reveal) {
        StringBuilder text = new StringBuilder(PREAMBLE);
        parameters.forEach((name, value) ->
                text.append('$').append(name).append(" = ").append(PowerShellLiteral.of(value, reveal)).append('\n'));
        return text.append(body.endsWith("\n") ? body : body + "\n").toString();
    }
}
