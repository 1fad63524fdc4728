package com.eceops.runbook.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.operations.OperationFailedException;

/**
 * The rehearsal scenarios in the scenarios folder ({@code <name>.yaml}). Without a scenario a rehearsal runs
 * the well-behaved lab at the configured pace.
 */
@Component
public class LabScenarios {

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
        if (!EstateRepository.NAME.matcher(scenario).matches()) {
            throw new OperationFailedException("-", "load the lab scenario", "'" + scenario
                    + "' is not a scenario name (lower-case letters, digits and dashes)");
        }
        Path file = folder.resolve(scenario + ".yaml");
        try {
            return LabScenario.fromYaml(Files.readString(file));
        } catch (IOException e) {
            throw new OperationFailedException("-", "load the lab scenario", "cannot read " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new OperationFailedException("-", "load the lab scenario", file + ": " + e.getMessage());
        }
    }
}
