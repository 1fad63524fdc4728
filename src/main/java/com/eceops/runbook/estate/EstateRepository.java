package com.eceops.runbook.estate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The estates of the inventory folder, one {@code <name>.yaml} (or {@code .yml}) each. An estate is read and
 * validated on every load, so an edited file takes effect at the next process start and a broken one is
 * never half-used.
 */
@Component
public class EstateRepository {

    /** Also keeps names from reaching the file system as paths: no dots, no slashes. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml");

    private final Path dir;
    private final EstateLoader loader = new EstateLoader();
    private final EstateValidator validator = new EstateValidator();

    public EstateRepository(EstateProperties properties) {
        this.dir = properties.dir();
    }

    /** The names of all estates in the folder, sorted; files whose name is not an estate name are ignored. */
    public List<String> names() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).forEach(file -> {
                for (String extension : EXTENSIONS) {
                    if (file.endsWith(extension)) {
                        String name = file.substring(0, file.length() - extension.length());
                        if (NAME.matcher(name).matches()) {
                            names.add(name);
                        }
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the estates in " + dir, e);
        }
        return names.stream().sorted().toList();
    }

    /** The estate, validated. */
    public Estate load(String name) {
        BoundInventory inventory = inspect(name);
        if (!inventory.problems().isEmpty()) {
            throw new InvalidEstateException(name, inventory.problems());
        }
        return inventory.estate();
    }

    /** Every problem of the estate's inventory, in file order; empty when it is fit to use. */
    public List<EstateProblem> problems(String name) {
        return inspect(name).problems();
    }

    private BoundInventory inspect(String name) {
        Path file = file(name);
        BoundInventory bound;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            bound = loader.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inventory " + file, e);
        }
        List<EstateProblem> problems = new ArrayList<>(bound.problems());
        Estate estate = bound.estate();
        if (estate != null) {
            if (estate.name() != null && !estate.name().equals(name)) {
                problems.add(new EstateProblem("estate", bound.lines().lineOf("estate"), "the estate is called '"
                        + estate.name() + "' but its file is " + file.getFileName() + "; they must agree"));
            }
            // A value the loader could not read is reported once, by the loader, not again by a rule.
            Set<String> reported = new HashSet<>();
            problems.forEach(problem -> reported.add(problem.path()));
            validator.validate(estate, bound.lines()).stream()
                    .filter(problem -> !reported.contains(problem.path()))
                    .forEach(problems::add);
        }
        problems.sort(Comparator.comparingInt(EstateProblem::line));
        return new BoundInventory(estate, bound.lines(), List.copyOf(problems));
    }

    private Path file(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UnknownEstateException(String.valueOf(name),
                    "an estate name is lower-case letters, digits and dashes, such as massivedynamic");
        }
        Optional<Path> found = EXTENSIONS.stream().map(extension -> dir.resolve(name + extension))
                .filter(Files::isRegularFile).findFirst();
        return found.orElseThrow(() -> new UnknownEstateException(name, "there is no " + name + ".yaml in " + dir));
    }
}
