package com.eceops.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout of docs/architecture.md, checked on the compiled classes with the JDK's own jdeps: no package cycle,
 * and every arrow points down the layers (composition root, rehearsal lab, procedure areas, the run's seam,
 * technologies, the shared ground).
 */
class PackageLayersTest {

    private static final String ROOT = "com.eceops.runbook";
    private static final Pattern EDGE = Pattern.compile("^\\s+(com\\.eceops\\.runbook\\S*)\\s+->\\s+(com\\.eceops\\.runbook\\S*)\\s");
    private static Map<String, Set<String>> arrows;

    @BeforeAll
    static void readArrows() {
        Path classes = Path.of("target", "classes");
        assertThat(Files.isDirectory(classes)).as("compiled classes at %s", classes.toAbsolutePath()).isTrue();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-e", "com\\.eceops\\..*",
                classes.toString());
        assertThat(exit).as("jdeps: %s", out).isZero();
        arrows = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                arrows.computeIfAbsent(shortName(m.group(1)), k -> new TreeSet<>()).add(shortName(m.group(2)));
            }
        }
        assertThat(arrows).as("jdeps found the project's packages").containsKeys("run", "wiring", "lab");
    }

    @Test
    void noTwoPackagesDependOnEachOtherEvenThroughOthers() {
        assertThat(cycles()).as("package cycles").isEmpty();
    }

    @Test
    void everyArrowPointsDownTheLayers() {
        List<String> upward = new ArrayList<>();
        arrows.forEach((from, tos) -> tos.forEach(to -> {
            if (layer(to) > layer(from) || (layer(to) == layer(from) && layer(from) == 3 && !allowedBetweenTechnologies(from, to))) {
                upward.add(from + " -> " + to);
            }
        }));
        assertThat(upward).as("arrows that point up the layers").isEmpty();
    }

    /** 0 shared ground, 1 transports, 2 technologies... see docs/architecture.md. */
    private static int layer(String pkg) {
        if (pkg.equals("") || pkg.equals("wiring")) {
            return 7;
        }
        if (pkg.equals("lab")) {
            return 6;
        }
        if (pkg.startsWith("procedure")) {
            return 5;
        }
        if (pkg.equals("plan")) {
            return 5;
        }
        if (pkg.equals("run") || pkg.equals("security")) {
            return 4;
        }
        if (pkg.startsWith("technology.powershell")) {
            return 2;
        }
        if (pkg.startsWith("technology")) {
            return 3;
        }
        return 0;
    }

    /** Technologies may lean on one another only where the document does: ECE runs on Windows, reads its URL over HTTP. */
    private static boolean allowedBetweenTechnologies(String from, String to) {
        return Set.of("technology.windows", "technology.web").contains(to);
    }

    private static String shortName(String pkg) {
        return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    }

    /** Tarjan's strongly connected components of more than one package. */
    private static List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        int[] counter = {0};
        for (String start : arrows.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, index, low, stack, onStack, found, counter);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                                Set<String> onStack, List<Set<String>> found, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : arrows.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, index, low, stack, onStack, found, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
