package com.eceops.runbook.technology.powershell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An in-process SSH server standing in for Win32-OpenSSH: password logon, SFTP onto a folder whose
 * {@code C:/Windows/Temp} is the servers' temp folder, and a command handler that decodes the PowerShell it is
 * sent, records it and answers as the test scripts it.
 */
public final class FakeWindowsSshServer implements AutoCloseable {

    public record Received(String commandLine, String script) {
    }

    public record Answer(int exitCode, String stdout, String stderr, Duration delay) {
        public static Answer json(String json) {
            return new Answer(0, json + "\r\n", "", Duration.ZERO);
        }
    }

    private static final Pattern ENCODED = Pattern.compile("-EncodedCommand\\s+(\\S+)");
    private static final Pattern FILE = Pattern.compile("-File\\s+(\\S+)");
    private static final Pattern PATH = Pattern.compile("\\$Path = '([^']*)'");

    public final List<Received> received = new CopyOnWriteArrayList<>();
    /** Lines scripts read from standard input ([Console]::In.ReadLine()), kept apart from the script text. */
    final List<String> stdinLines = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    public volatile Function<Received, Answer> answers = received -> Answer.json("{}");

    private final SshServer server;
    private final Path root;
    private final KeyPair hostKey;

    public FakeWindowsSshServer(Path root, String user, String password, boolean noDelay) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("C:/Windows/Temp"));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
        keys.setAlgorithm("RSA");
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator((u, p, session) -> user.equals(u) && password.equals(p));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.setCommandFactory((channel, command) -> new ScriptedCommand(command));
        CoreModuleProperties.TCP_NODELAY.set(server, noDelay);
        server.start();
        try {
            hostKey = keys.loadKeys(null).iterator().next();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    PublicKey hostKey() {
        return hostKey.getPublic();
    }

    public String fingerprint() {
        return HostKeyPin.fingerprint(hostKey.getPublic());
    }

    /** Where an uploaded script lives on this machine, for a Windows path the runner used. */
    Path local(String windowsPath) {
        return root.resolve(windowsPath.replace('\\', '/'));
    }

    public List<String> scripts() {
        return received.stream().map(Received::script).toList();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private Received decode(String commandLine) throws IOException {
        Matcher encoded = ENCODED.matcher(commandLine);
        if (encoded.find()) {
            return new Received(commandLine, new String(Base64.getDecoder().decode(encoded.group(1)), StandardCharsets.UTF_16LE));
        }
        Matcher file = FILE.matcher(commandLine);
        if (file.find()) {
            byte[] bytes = Files.readAllBytes(local(file.group(1)));
            String text = new String(bytes, StandardCharsets.UTF_8);
            return new Received(commandLine, text.startsWith("\uFEFF") ? "[BOM]" + text.substring(1) : text);
        }
        return new Received(commandLine, "");
    }

    private static String readLine(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private final class ScriptedCommand implements Command, Runnable {

        private final String commandLine;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Thread thread;

        ScriptedCommand(String commandLine) {
            this.commandLine = commandLine;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            thread = new Thread(this, "fake-windows-command");
            thread.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (thread != null) {
                thread.interrupt();
            }
        }

        @Override
        public void run() {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                Received command = decode(commandLine);
                received.add(command);
                if (command.script().contains("[Console]::In.ReadLine()") && in != null) {
                    stdinLines.add(readLine(in));
                }
                if (command.script().contains("Remove-Item -LiteralPath $Path")) {
                    Matcher path = PATH.matcher(command.script());
                    if (path.find()) {
                        Files.deleteIfExists(local(path.group(1)));
                    }
                }
                Answer answer = answers.apply(command);
                if (!answer.delay().isZero()) {
                    Thread.sleep(answer.delay().toMillis());
                }
                out.write(answer.stdout().getBytes(StandardCharsets.UTF_8));
                out.flush();
                err.write(answer.stderr().getBytes(StandardCharsets.UTF_8));
                err.flush();
                exit.onExit(answer.exitCode());
            } catch (InterruptedException e) {
                exit.onExit(130);
            } catch (IOException | RuntimeException e) {
                exit.onExit(255, String.valueOf(e));
            } finally {
                running.decrementAndGet();
            }
        }
    }
}
