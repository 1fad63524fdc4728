package com.eceops.runbook.technology.powershell;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.OperationFailedException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.xebialabs.overthere.OverthereConnection;

/**
 * Runs a rendered script on a host and reads its JSON answer into a record. Anything but a clean answer (an
 * exit code other than 0, an error record on stderr, output that is not JSON, a timeout) is an
 * {@link OperationFailedException} naming the host, the procedure step, the script's first line and the tail
 * of its output, every secret masked.
 */
public final class PowerShellRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PowerShellRunner.class);
    private static final int TAIL = 800;

    private final RemoteSessions sessions;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public PowerShellRunner(RemoteSessions sessions) {
        this.sessions = sessions;
    }

    public <T> T run(String host, String step, PowerShellScript script, Duration timeout, Class<T> answer) {
        JsonNode node = run(host, step, script, timeout);
        try {
            return json.treeToValue(node, answer);
        } catch (Exception e) {
            throw failure(host, step, script, "answered JSON that is not a " + answer.getSimpleName() + ": "
                    + e.getMessage(), node.toString());
        }
    }

    public JsonNode run(String host, String step, PowerShellScript script, Duration timeout) {
        return runWithInput(host, step, script, timeout, null);
    }

    /** Reads the JSON answer (the last non-blank line) of output collected another way (a detached command). */
    public <T> T parse(String host, String step, PowerShellScript script, String stdout, Class<T> answer) {
        List<String> lines = stdout.strip().lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw failure(host, step, script, "answered nothing", "");
        }
        try {
            return json.treeToValue(json.readTree(SecretMasker.mask(lines.get(lines.size() - 1))), answer);
        } catch (Exception e) {
            throw failure(host, step, script, "answered something that is not a " + answer.getSimpleName(),
                    SecretMasker.mask(stdout.length() > TAIL ? stdout.substring(stdout.length() - TAIL) : stdout));
        }
    }

    /** As {@link #run(String, String, PowerShellScript, Duration)}, with one line on standard input (a secret). */
    JsonNode runWithInput(String host, String step, PowerShellScript script, Duration timeout, String stdinLine) {
        LOG.debug("{} [{}]: {}", host, step, SecretMasker.mask(script.firstLine()));
        long started = System.nanoTime();
        CommandOutcome outcome = sessions.on(host, connection -> execute(host, step, connection, script, timeout, stdinLine));
        LOG.debug("{} [{}]: {} finished in {} ms", host, step, script.operation(), (System.nanoTime() - started) / 1_000_000);
        if (outcome.exitCode() != 0) {
            throw failure(host, step, script, "exited with " + outcome.exitCode(), outcome.tail(TAIL));
        }
        if (!outcome.stderr().isBlank()) {
            throw failure(host, step, script, "wrote an error", outcome.tail(TAIL));
        }
        List<String> lines = outcome.stdout().strip().lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw failure(host, step, script, "answered nothing", outcome.tail(TAIL));
        }
        try {
            // A secret the server echoes in an answer would reach typed records and process variables: masked here.
            return json.readTree(SecretMasker.mask(lines.get(lines.size() - 1)));
        } catch (Exception e) {
            throw failure(host, step, script, "answered something that is not JSON", outcome.tail(TAIL));
        }
    }

    private CommandOutcome execute(String host, String step, OverthereConnection connection, PowerShellScript script,
                                   Duration timeout, String stdinLine) {
        String text = script.text();
        CommandExecutor.Finished finished;
        try {
            if (CommandLines.fits(text)) {
                finished = CommandExecutor.run(connection, CommandLines.encoded(text), timeout, stdinLine);
            } else {
                finished = viaFile(host, connection, text, timeout, stdinLine);
            }
        } catch (OperationFailedException e) {
            throw new RemoteSessions.Broken(e);
        } catch (RuntimeException e) {
            throw new RemoteSessions.Broken(failure(host, step, script, "could not be run: "
                    + OverthereConnector.causes(e), ""));
        }
        if (finished.timedOut()) {
            throw new RemoteSessions.Broken(new CommandTimedOutException(host, script.operation(),
                    SecretMasker.mask("step " + step + ": '" + script.firstLine() + "' was killed after "
                            + timeout.toSeconds() + " s; its effect is unknown. Output so far: "
                            + finished.outcome().tail(TAIL))));
        }
        return finished.outcome();
    }

    private CommandExecutor.Finished viaFile(String host, OverthereConnection connection, String text, Duration timeout,
                                             String stdinLine) {
        String path = ScriptUpload.temporaryPath();
        ScriptUpload.upload(connection, sessions.target(host).connection().protocol(), path, text, timeout);
        try {
            return CommandExecutor.run(connection, CommandLines.file(path), timeout, stdinLine);
        } finally {
            CommandExecutor.run(connection, CommandLines.encoded(ScriptUpload.removal(path).text()), timeout);
        }
    }

    /** Uploads a file (a detached command's script) to the host: SFTP over SSH, base64 pieces over WinRM. */
    void upload(String host, String path, String content, Duration timeout) {
        sessions.on(host, connection -> {
            try {
                ScriptUpload.upload(connection, sessions.target(host).connection().protocol(), path, content, timeout);
                return null;
            } catch (RuntimeException e) {
                throw new RemoteSessions.Broken(new OperationFailedException(host, "upload",
                        SecretMasker.mask("uploading " + path + " failed: " + OverthereConnector.causes(e)), e));
            }
        });
    }

    RemoteSessions sessions() {
        return sessions;
    }

    private static OperationFailedException failure(String host, String step, PowerShellScript script, String what,
                                                    String tail) {
        return new OperationFailedException(host, script.operation(), SecretMasker.mask("step " + step + ": '"
                + script.firstLine() + "' " + what + (tail.isBlank() ? "" : ":\n" + tail)));
    }
}
