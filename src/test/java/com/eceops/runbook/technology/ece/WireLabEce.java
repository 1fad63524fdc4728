package com.eceops.runbook.technology.ece;

import static com.eceops.runbook.technology.powershell.WireAnswers.changed;

import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;
import com.eceops.runbook.technology.powershell.WireScript;
import com.eceops.runbook.technology.windows.WindowsOperations;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ECE half of the wire lab: what setup left on a server and the web server files, from the lab's ECE on the server
 * that received the script. A file is named by its path under the ECE home, as the runbook writes it; the Cisco
 * service is found by the name setup gave it ({@code serviceName}, the inventory's). The file the inventory names for
 * the patch level ({@code patchLevelFile}, under the ECE home; may be null) holds the lab's level, as the patch left it.
 */
public record WireLabEce(String host, EceOperations lab, WindowsOperations windows, String serviceName, String patchLevelFile) {

    /** The operations that change a server: a plan records exactly these. */
    public static final Set<String> CHANGES = Set.of("write an ECE configuration file", "run the patch installer of ES5");
    private static final java.util.regex.Pattern LEVEL = java.util.regex.Pattern.compile("ES\\d+");

    /** The answer to an ECE script, or empty when the script is not one. */
    public Optional<Object> answer(WireScript s) {
        return Optional.ofNullable(switch (s.operation()) {
            case "read the ECE installation" -> {
                EceInstallation found = lab.readInstallation(host);
                boolean home = found.eceHome() != null && found.eceHome().equalsIgnoreCase(s.text("EceHome"));
                // Get-Service finds the Cisco service only by the name the inventory gives it.
                boolean service = found.ciscoServicePresent() && s.text("ServiceName").equalsIgnoreCase(serviceName);
                yield Map.of("servicePresent", service, "homePresent", home,
                        "webServerFilePresent", home && found.components().contains(EceComponent.WEB_SERVER)
                                && s.text("WebServerFile").equalsIgnoreCase(EceConfigFile.ECE_CONFIG_JS.relativePath()));
            }
            case "read file" -> isPatchLevelFile(s.text("Path")) ? Map.of("exists", true, "content", lab.readPatchLevel(host)) : null;
            case "read an ECE configuration file" -> Map.of("exists", true, "content", lab.readConfigFile(host, file(s.text("Path"))));
            case "write an ECE configuration file" -> changed(lab.writeConfigFile(host, file(s.text("Path")), s.text("Content")));
            // patch-3's payload as the scheduled task runs it: the batch's exit code and output are the installer's.
            case "run the patch installer of ES5" -> runInstaller(s.text("Folder"), s.text("Command"));
            default -> null;
        });
    }

    /**
     * The readme's command run in the unzipped patch's folder: the lab's installer, to its end (a wire lab runs with
     * no durations). The script names no level (the installer is the patch's own), so the lab's is read off the
     * folder's entries, as the archive lists them ({@code ES5\\setup.bat}).
     */
    private FakeWindowsSshServer.Answer runInstaller(String folder, String command) {
        String entries = folder + " " + String.join(" ", windows.listFilesUnder(host, folder));
        java.util.regex.Matcher level = LEVEL.matcher(entries);
        if (!level.find()) {
            return new FakeWindowsSshServer.Answer(1, "", "no patch in " + folder + "\r\n", java.time.Duration.ZERO);
        }
        lab.startPatchInstall(host, level.group(), folder, command);
        PatchInstallStatus status = lab.pollPatchInstall(host);
        if (status.state() != PatchInstallStatus.State.FINISHED) {
            throw new IllegalStateException("the wire lab runs installers to their end; give the lab no durations");
        }
        return new FakeWindowsSshServer.Answer(status.exitCode(), status.outputTail() + "\r\n", "", java.time.Duration.ZERO);
    }

    private boolean isPatchLevelFile(String path) {
        return patchLevelFile != null && path.toLowerCase().endsWith("\\" + patchLevelFile.toLowerCase());
    }

    private static EceConfigFile file(String path) {
        return Arrays.stream(EceConfigFile.values()).filter(f -> path.toLowerCase().endsWith("\\" + f.relativePath().toLowerCase()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no such file: " + path));
    }
}
