package com.eceops.runbook.estate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link CredentialRef} into its secret at the moment of use: first the environment variable
 * {@code RUNBOOK_SECRET_<NAME>} (upper case, dashes as underscores), then the secrets file. The file is read on
 * every call, so a rotated password needs no restart. Nothing here logs, and no message carries a value.
 */
@Component
public class SecretResolver {

    static final String PREFIX = "RUNBOOK_SECRET_";

    private final Function<String, String> environment;
    private final Path secretsFile;

    @Autowired
    public SecretResolver(EstateProperties properties) {
        this(System::getenv, properties.secretsFile());
    }

    SecretResolver(Function<String, String> environment, Path secretsFile) {
        this.environment = environment;
        this.secretsFile = secretsFile;
    }

    public Secret resolve(CredentialRef reference) {
        String variable = environmentVariable(reference);
        String fromEnvironment = environment.apply(variable);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return new Secret(fromEnvironment.toCharArray());
        }
        if (!Files.isRegularFile(secretsFile)) {
            throw new MissingSecretException(reference, variable, secretsFile.toString(), "the file does not exist");
        }
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(secretsFile, StandardCharsets.UTF_8)) {
            secrets.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // The parser's message could quote a line of the file, and so a secret: give the type only.
            throw new MissingSecretException(reference, variable, secretsFile.toString(),
                    "the file cannot be read: " + e.getClass().getSimpleName());
        }
        String fromFile = secrets.getProperty(reference.name());
        if (fromFile == null || fromFile.isEmpty()) {
            throw new MissingSecretException(reference, variable, secretsFile.toString(), "neither is set");
        }
        return new Secret(fromFile.toCharArray());
    }

    static String environmentVariable(CredentialRef reference) {
        return PREFIX + reference.name().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
