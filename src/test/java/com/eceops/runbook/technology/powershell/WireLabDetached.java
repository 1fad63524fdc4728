package com.eceops.runbook.technology.powershell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scheduled tasks in the wire lab: the detached commands' registration, poll and clean-up scripts, in front of the
 * answerer of ordinary scripts. Registering a task runs its uploaded payload (read from the run folder the runner
 * uploaded it to, over SFTP) through that answerer at once, and leaves what the wrapper would: {@code stdout.txt},
 * {@code stderr.txt}, then {@code exit-code.txt}. A poll reads those files as the real poll script does, and a
 * clean-up removes the folder. A task registered with a credential must have received a password on standard input.
 */
public final class WireLabDetached implements Function<FakeWindowsSshServer.Received, FakeWindowsSshServer.Answer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeWindowsSshServer server;
    private final Function<FakeWindowsSshServer.Received, FakeWindowsSshServer.Answer> scripts;
    private final Map<String, String> bodies = WireScript.knownBodies();

    public WireLabDetached(FakeWindowsSshServer server, Function<FakeWindowsSshServer.Received, FakeWindowsSshServer.Answer> scripts) {
        this.server = server;
        this.scripts = scripts;
    }

    /** How many tasks were registered with a password and as the connected account: the route the scripts took. */
    public final Map<String, Integer> registered = new java.util.concurrent.ConcurrentHashMap<>();
    /** Every payload a task ran, as uploaded: what the server did on the runbook's behalf. */
    public final java.util.List<String> payloads = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public FakeWindowsSshServer.Answer apply(FakeWindowsSshServer.Received received) {
        Optional<WireScript> script = WireScript.recognise(received.script(), bodies);
        if (script.isEmpty()) {
            return scripts.apply(received);
        }
        WireScript s = script.get();
        return switch (s.operation()) {
            case "start a detached command", "start a detached command with a credential" -> start(s);
            case "poll a detached command" -> poll(s);
            case "clean up a detached command" -> cleanUp(s);
            default -> scripts.apply(received);
        };
    }

    private FakeWindowsSshServer.Answer start(WireScript s) {
        boolean withCredential = s.operation().endsWith("with a credential");
        if (withCredential && server.stdinLines.stream().noneMatch(line -> !line.isEmpty())) {
            return new FakeWindowsSshServer.Answer(1, "", "no password arrived on standard input\r\n", java.time.Duration.ZERO);
        }
        registered.merge(withCredential ? "with a credential" : "as the connected account", 1, Integer::sum);
        Path folder = server.local(s.text("Folder"));
        String payload = read(folder.resolve(DetachedScripts.PAYLOAD));
        payloads.add(payload.startsWith("[BOM]") ? payload.substring(5) : payload);
        FakeWindowsSshServer.Answer ran = scripts.apply(new FakeWindowsSshServer.Received("scheduled task " + s.text("TaskName"),
                payload.startsWith("[BOM]") ? payload.substring(5) : payload));
        write(folder.resolve("stdout.txt"), ran.stdout());
        write(folder.resolve("stderr.txt"), ran.stderr());
        write(folder.resolve(DetachedScripts.EXIT_CODE), Integer.toString(ran.exitCode()));
        return json(Map.of("started", true, "task", s.text("TaskPath") + s.text("TaskName")));
    }

    private FakeWindowsSshServer.Answer poll(WireScript s) {
        Path folder = server.local(s.text("Folder"));
        Path exit = folder.resolve(DetachedScripts.EXIT_CODE);
        if (!Files.isRegularFile(exit)) {
            return json(Map.of("state", "lost", "taskState", "Missing", "lastTaskResult", -1));
        }
        Map<String, Object> finished = new LinkedHashMap<>();
        finished.put("state", "finished");
        finished.put("exitCode", Integer.parseInt(read(exit).trim()));
        finished.put("stdout", read(folder.resolve("stdout.txt")).strip());
        finished.put("stderr", read(folder.resolve("stderr.txt")).strip());
        return json(finished);
    }

    private FakeWindowsSshServer.Answer cleanUp(WireScript s) {
        Path folder = server.local(s.text("Folder"));
        boolean existed = Files.isDirectory(folder);
        if (existed) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json(Map.of("unregistered", existed, "stopped", false, "removed", true));
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "[BOM]") : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FakeWindowsSshServer.Answer json(Object answer) {
        try {
            return FakeWindowsSshServer.Answer.json(JSON.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
