package com.eceops.runbook.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EstateRepositoryTest {

    @TempDir
    Path dir;

    EstateRepository repository() {
        return new EstateRepository(new EstateProperties(dir, dir.resolve("secrets.properties")));
    }

    @Test
    void namesAreTheInventoryFilesWithoutTheirExtension() throws IOException {
        Files.writeString(dir.resolve("massivedynamic.yaml"), "");
        Files.writeString(dir.resolve("lab-2.yml"), "");
        Files.writeString(dir.resolve("Not An Estate.yaml"), "");
        Files.writeString(dir.resolve("README.md"), "");
        assertThat(repository().names()).containsExactly("lab-2", "massivedynamic");
    }

    @Test
    void aMissingFolderHasNoEstates() {
        assertThat(new EstateRepository(new EstateProperties(dir.resolve("absent"), dir)).names()).isEmpty();
    }

    @Test
    void severalProblemsAreReportedAtOnceInFileOrder() {
        String yaml = Inventories.massiveDynamic()
                .replace("  netbios: MASSIVE", "  netbios: MASSIVE\n  site: Berlin")
                .replace("      ip: 14.10.162.169", "      ip: 14.10.163.169")
                .replace("  jettyPort: 9001\n", "")
                .replace("zone: Europe/Berlin", "zone: Mars/Olympus");
        Inventories.repositoryWith(dir, "massivedynamic", yaml);
        // Counted, not written down: the sample grows, and the line must still be the zone's.
        long zoneLine = yaml.substring(0, yaml.indexOf("zone: Mars/Olympus")).lines().count();

        assertThatThrownBy(() -> repository().load("massivedynamic"))
                .isInstanceOfSatisfying(InvalidEstateException.class, e -> {
                    assertThat(e.problems()).extracting(EstateProblem::path).containsExactly(
                            "domain.site", "sides.a.web.ip", "ece.jettyPort", "patchWindows[0].zone");
                    assertThat(e.getMessage()).contains(
                            "has 4 problems:",
                            "\n  domain.site (line 11): unknown key 'site'",
                            "\n  sides.a.web.ip (line 23): 14.10.163.169 is outside the side's subnet 14.10.162.0/24",
                            "\n  patchWindows[0].zone (line " + zoneLine + "): 'Mars/Olympus' is not a time zone");
                });
    }

    @Test
    void anUnknownEstateIsReportedAsSuch() {
        assertThatThrownBy(() -> repository().load("nowhere")).isInstanceOf(UnknownEstateException.class)
                .hasMessageContaining("nowhere");
        assertThatThrownBy(() -> repository().problems("nowhere")).isInstanceOf(UnknownEstateException.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"../estates/massivedynamic", "/etc/passwd", "MassiveDynamic", "massivedynamic.yaml", "-lab", ""})
    void aNameThatIsNotAnEstateNameNeverReachesTheFileSystem(String name) throws IOException {
        Files.writeString(dir.resolve("massivedynamic.yaml"), Inventories.massiveDynamic());
        assertThatThrownBy(() -> repository().load(name)).isInstanceOf(UnknownEstateException.class)
                .hasMessageContaining("lower-case letters, digits and dashes");
    }

    @Test
    void aValidEstateLoadsFromAYmlFileToo() throws IOException {
        Files.writeString(dir.resolve("lab.yml"), Inventories.massiveDynamicWith("estate: massivedynamic", "estate: lab"));
        assertThat(repository().load("lab").name()).isEqualTo("lab");
    }

    @Test
    void anEmptyInventoryIsOneProblem() throws IOException {
        Files.writeString(dir.resolve("empty.yaml"), "# nothing yet\n");
        assertThat(repository().problems("empty")).extracting(EstateProblem::message).containsExactly("the inventory is empty");
    }

    @Test
    void theFoldersDefaultToEstatesAndSecretsBesideTheWorkingDirectory() {
        new ApplicationContextRunner().withUserConfiguration(WithEstateProperties.class).run(context ->
                assertThat(context.getBean(EstateProperties.class)).isEqualTo(
                        new EstateProperties(Path.of("./estates").normalize(), Path.of("./secrets/secrets.properties").normalize())));
        new ApplicationContextRunner().withUserConfiguration(WithEstateProperties.class)
                .withPropertyValues("runbook.estates.dir=/srv/estates", "runbook.estates.secrets-file=/srv/secrets.properties")
                .run(context -> assertThat(context.getBean(EstateProperties.class).secretsFile())
                        .isEqualTo(Path.of("/srv/secrets.properties")));
    }

    @EnableConfigurationProperties(EstateProperties.class)
    static class WithEstateProperties {
    }
}
