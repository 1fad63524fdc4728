package com.eceops.runbook.technology.powershell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.xebialabs.overthere.CmdLine;
import com.xebialabs.overthere.OverthereConnection;
import com.xebialabs.overthere.OverthereProcess;

/**
 * Runs one command line and collects both streams. Overthere has no overall timeout, so a watchdog destroys
 * the process when it outlives its time; the caller is told at once that it timed out and cannot mistake that
 * for an exit.
 */
final class CommandExecutor {

    private static final ExecutorService WATCHDOG = Executors.newCachedThreadPool(daemon("watchdog"));
    private static final ExecutorService READERS = Executors.newCachedThreadPool(daemon("remote-output"));

    record Finished(CommandOutcome outcome, boolean timedOut) {
    }

    private CommandExecutor() {
    }

    static Finished run(OverthereConnection connection, CmdLine command, Duration timeout) {
        return run(connection, command, timeout, null);
    }

    /**
     * Runs the command with one line on its standard input (then closed): the way a secret reaches a script
     * without being part of its text or of the command line, which the server may log or show to other users.
     */
    static Finished run(OverthereConnection connection, CmdLine command, Duration timeout, String stdinLine) {
        OverthereProcess process = connection.startProcess(command);
        if (stdinLine == null) {
            closeQuietly(process);
        } else {
            writeAndClose(process, stdinLine);
        }
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getStdout()), READERS);
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getStderr()), READERS);
        CompletableFuture<Integer> exit = stdout.thenCombine(stderr, (out, err) -> out).thenApplyAsync(out -> {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, READERS);
        try {
            int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Finished(new CommandOutcome(code, stdout.join(), ClixmlFilter.readable(stderr.join())), false);
        } catch (TimeoutException e) {
            // The caller must not wait on a process that ignores the kill: report at once, clean up behind.
            WATCHDOG.execute(process::destroy);
            return new Finished(new CommandOutcome(-1, stdout.getNow(""), ""), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IllegalStateException("interrupted while waiting for the command", e);
        } catch (ExecutionException e) {
            process.destroy();
            throw new IllegalStateException("reading the command's output failed", e.getCause());
        }
    }

    private static void closeQuietly(OverthereProcess process) {
        try {
            process.getStdin().close();
        } catch (IOException | RuntimeException e) {
            // A process without stdin (WinRM) has nothing to close.
        }
    }

    private static void writeAndClose(OverthereProcess process, String line) {
        try (java.io.OutputStream in = process.getStdin()) {
            in.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            process.destroy();
            throw new UncheckedIOException("writing to the command's standard input failed", e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            stream.transferTo(bytes);
            String text = bytes.toString(StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            // A destroyed process closes its streams under the reader: what was read so far is lost, not fatal.
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
