package com.eceops.runbook.technology.powershell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs src/test/node/check-powershell.mjs (tree-sitter-powershell on the machine's Node). A clean clone has no
 * node_modules: the first use installs them from the committed package-lock.json.
 */
final class TreeSitterPowerShell {

    static final Path NODE_DIR = Path.of("src/test/node");

    record Result(int exitCode, String output) {
    }

    private TreeSitterPowerShell() {
    }

    static Result check(Path folder) throws IOException, InterruptedException {
        installIfMissing();
        return run(List.of("node", "check-powershell.mjs", folder.toAbsolutePath().toString()), 120);
    }

    private static synchronized void installIfMissing() throws IOException, InterruptedException {
        if (Files.isDirectory(NODE_DIR.resolve("node_modules/tree-sitter-powershell"))) {
            return;
        }
        Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
        if (install.exitCode() != 0) {
            throw new IllegalStateException("npm ci failed in " + NODE_DIR + ":\n" + install.output());
        }
    }

    private static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + seconds + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
