package com.eceops.runbook.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.KnownScenarios;

/**
 * The rehearsal scenarios: those that ship with the application ({@code scenarios/<name>.yaml} on the class path) and
 * the estate team's own in the scenarios folder ({@code <name>.yaml}), which wins on a name both have. Without a
 * scenario a rehearsal runs the well-behaved lab at the configured pace.
 */
@Component
public class LabScenarios implements KnownScenarios {

    private static final String SHIPPED = "scenarios/";

    private final Path folder;
    private final double durationScale;

    LabScenarios(@Value("${runbook.rehearsal.scenarios-dir:./scenarios}") Path folder,
                 @Value("${runbook.rehearsal.duration-scale:1}") double durationScale) {
        this.folder = folder;
        this.durationScale = durationScale;
    }

    public LabScenario forRun(Object name) {
        if (name == null || name.toString().isBlank()) {
            return LabScenario.defaults().withDurationScale(durationScale);
        }
        String scenario = name.toString().trim();
        try {
            return LabScenario.fromYaml(text(scenario));
        } catch (RuntimeException e) {
            throw new OperationFailedException("-", "load the lab scenario", e.getMessage());
        }
    }

    @Override
    public Optional<String> problemWith(String name) {
        try {
            LabScenario.fromYaml(text(name.trim()));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The names a rehearsal may use, for the refusal of an unknown one. */
    List<String> names() {
        Set<String> names = new TreeSet<>();
        try (var files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .forEach(f -> names.add(f.substring(0, f.length() - ".yaml".length())));
        } catch (IOException noFolder) {
            // Only the shipped ones then.
        }
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + SHIPPED + "*.yaml")) {
                String file = r.getFilename();
                if (file != null) {
                    names.add(file.substring(0, file.length() - ".yaml".length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(names);
    }

    private String text(String scenario) {
        if (!EstateRepository.NAME.matcher(scenario).matches()) {
            throw new IllegalArgumentException("'" + scenario + "' is not a scenario name (lower-case letters, digits and dashes)");
        }
        Path own = folder.resolve(scenario + ".yaml");
        try {
            if (Files.isRegularFile(own)) {
                return Files.readString(own);
            }
            ClassPathResource shipped = new ClassPathResource(SHIPPED + scenario + ".yaml");
            if (shipped.exists()) {
                try (var in = shipped.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read scenario '" + scenario + "': " + e.getMessage());
        }
        throw new IllegalArgumentException("no lab scenario '" + scenario + "'; known: " + String.join(", ", names()));
    }
}
