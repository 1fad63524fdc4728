package com.eceops.runbook.lab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Labs on disk: {@code <dataDir>/labs/<runId>.json}, replaced atomically (temp file, then move) so that a
 * crash mid-write never leaves half a lab behind.
 */
final class LabStore {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path directory;
    private final ObjectMapper mapper;

    LabStore(Path dataDir) {
        this.directory = dataDir.resolve("labs");
        this.mapper = mapper();
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    ObjectMapper objectMapper() {
        return mapper;
    }

    Optional<LabState> load(String runId) {
        Path file = file(runId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(file.toFile(), LabState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rehearsal lab " + file, e);
        }
    }

    void save(String runId, LabState state) {
        Path file = file(runId);
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, runId + ".", ".tmp");
            mapper.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), state);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save rehearsal lab " + file, e);
        }
    }

    private Path file(String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("a run id is letters, digits, dot, dash and underscore: " + runId);
        }
        return directory.resolve(runId + ".json");
    }
}
