package com.eceops.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on an in-memory database with the job executor off, shared by the tests that need
 * it (one Spring context for all of them). Its estates folder holds the sample, a broken copy and a copy
 * marked live, one without production email (patch-1.2 and 4.6 are skipped), and
 * one that names a domain-admin credential and a management host (Active Directory done by the runbook), and
 * one on ECE 12.0 (post-7 waits until after the first patch). One context matters beyond speed: Camunda's REST filter finds its engine by name in a
 * JVM-wide registry, so a second context's engine would answer the first one's REST calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
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
            Files.writeString(folder.resolve("golock.yaml"), sample
                    .replace("estate: massivedynamic", "estate: golock")
                    .replace("live: false", "live: true"));
            Files.writeString(folder.resolve("massivedynamic-noemail.yaml"), sample
                    .replace("estate: massivedynamic", "estate: massivedynamic-noemail")
                    .replace("productionEmail: true", "productionEmail: false"));
            Files.writeString(folder.resolve("massivedynamic-ad.yaml"), sample
                    .replace("estate: massivedynamic", "estate: massivedynamic-ad")
                    .replace("  organizationalUnit: OU=ECE Cluster,DC=massivedynamic,DC=com\n",
                            "  organizationalUnit: OU=ECE Cluster,DC=massivedynamic,DC=com\n"
                                    + "  managementHost: CC2K125ECEMG\n  domainAdmin: domain-admin\n"));
            Files.writeString(folder.resolve("massivedynamic-120.yaml"), sample
                    .replace("estate: massivedynamic", "estate: massivedynamic-120")
                    .replace("version: \"12.5\"", "version: \"12.0\""));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
