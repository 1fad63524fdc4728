package com.eceops.runbook.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The sample inventory and bad inventories made from it by one small textual edit, so that each test shows
 * exactly what it broke.
 */
final class Inventories {

    static final Path SAMPLE = Path.of("estates/massivedynamic.yaml");

    private Inventories() {
    }

    static String massiveDynamic() {
        try {
            return Files.readString(SAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample with {@code original}, which must occur exactly once, replaced. */
    static String massiveDynamicWith(String original, String replacement) {
        String sample = massiveDynamic();
        int at = sample.indexOf(original);
        assertThat(at).as("the sample contains '%s'", original).isNotNegative();
        assertThat(sample.indexOf(original, at + 1)).as("'%s' occurs once in the sample", original).isNegative();
        return sample.replace(original, replacement);
    }

    static EstateRepository repositoryWith(Path dir, String estate, String yaml) {
        try {
            Files.writeString(dir.resolve(estate + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EstateRepository(new EstateProperties(dir, dir.resolve("secrets.properties")));
    }

    /** Every problem of {@code yaml} stored as the massivedynamic estate. */
    static List<EstateProblem> problemsOf(Path dir, String yaml) {
        return repositoryWith(dir, "massivedynamic", yaml).problems("massivedynamic");
    }

    static List<String> paths(List<EstateProblem> problems) {
        return problems.stream().map(EstateProblem::path).toList();
    }
}
