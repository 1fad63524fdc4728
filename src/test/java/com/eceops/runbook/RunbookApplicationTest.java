package com.eceops.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on an in-memory database with the job executor off, shared by the tests that need
 * it (one Spring context for all of them). Its estates folder holds the sample, a broken copy and a copy
 * marked live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class RunbookApplicationTest {

    protected static final String SAMPLE = "massivedynamic";
    private static final Path ESTATES = prepareEstates();

    @DynamicPropertySource
    static void estatesFolder(DynamicPropertyRegistry registry) {
        registry.add("runbook.estates.dir", ESTATES::toString);
    }

    private static Path prepareEstates() {
        try {
            Path folder = Files.createTempDirectory("runbook-estates");
            String sample = Files.readString(Path.of("estates", SAMPLE + ".yaml"));
            Files.writeString(folder.resolve(SAMPLE + ".yaml"), sample);
            Files.writeString(folder.resolve("broken.yaml"), sample
                    .replace("estate: massivedynamic", "estate: broken")
                    .replace("ip: 14.10.172.168", "ip: 14.10.99.168")
                    .replace("port: 1433", "port: 71433"));
            Files.writeString(folder.resolve("golive.yaml"), sample
                    .replace("estate: massivedynamic", "estate: golive")
                    .replace("live: false", "live: true"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
