package com.eceops.runbook.technology.windows;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;
import com.eceops.runbook.technology.powershell.WireScript;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Windows half of the wire lab: one server of a rehearsal lab behind the in-process SSH server. Each script it
 * receives is recognised by its body ({@link WireScript}), applied to the lab's {@link WindowsOperations} with the values
 * it carries, and answered as the real script answers: its JSON shape and its own words ({@code absent}/{@code
 * present}, {@code Running}, {@code Start Pending}). A refusal of the lab comes back as PowerShell reports a terminating
 * error: exit code 1 and the message on standard error. A script it does not know is an error naming the operation, so
 * nothing passes unanswered.
 */
public final class WireLabWindows implements Function<FakeWindowsSshServer.Received, FakeWindowsSshServer.Answer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ADMIN_SHARE = Pattern.compile("^\\\\\\\\([^\\\\]+)\\\\([A-Za-z])\\$(\\\\.*)?$");

    /** The operations that change a server: a plan records exactly these. */
    public static final java.util.Set<String> CHANGES = java.util.Set.of("install features", "restart the server",
            "ensure directory", "ensure share", "grant access", "write file", "expand archive", "copy file",
            "set service start type", "start service", "stop service", "open firewall port");

    private final String host;
    private final WindowsOperations lab;
    private final List<Function<WireScript, Optional<Object>>> others;
    private final Map<String, String> bodies = WireScript.knownBodies();

    /** {@code others} answer the scripts of other technologies on the same server (DFS, ...), or pass. */
    @SafeVarargs
    public WireLabWindows(String host, WindowsOperations lab, Function<WireScript, Optional<Object>>... others) {
        this.host = host;
        this.lab = lab;
        this.others = List.of(others);
    }

    @Override
    public FakeWindowsSshServer.Answer apply(FakeWindowsSshServer.Received received) {
        Optional<WireScript> script = WireScript.recognise(received.script(), bodies);
        if (script.isEmpty()) {
            return error("the wire lab does not know this script:\n" + received.script());
        }
        try {
            Object answer = answer(script.get());
            // A payload that is not a JSON-answering script (an installer's batch) answers with its own exit code.
            return answer instanceof FakeWindowsSshServer.Answer raw ? raw : FakeWindowsSshServer.Answer.json(JSON.writeValueAsString(answer));
        } catch (OperationFailedException | IllegalStateException | IllegalArgumentException refused) {
            return error(refused.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another technology's answer first: a file that is another's state (ECE's patch level) is read from there. */
    private Object answer(WireScript s) {
        return others.stream().map(other -> other.apply(s)).flatMap(Optional::stream).findFirst().orElseGet(() -> own(s));
    }

    private Object own(WireScript s) {
        return switch (s.operation()) {
            case "read host facts" -> facts();
            case "check the server answers" -> {
                if (!lab.isReachable(host)) {
                    // A restarting server answers nothing; the caller's error is what a refused connection gives.
                    throw new IllegalStateException(host + " does not answer: it is restarting");
                }
                yield Map.of("reachable", true, "computer", host);
            }
            case "read installed features" -> Map.of("names", List.copyOf(lab.installedFeatures(host)));
            case "install features" -> {
                FeatureInstallResult result = lab.installFeatures(host, s.texts("Features"));
                yield Map.of("success", true, "restartNeeded", result.restartNeeded(), "installed", result.installed());
            }
            case "restart the server" -> {
                lab.restart(host);
                yield Map.of("restarting", true);
            }
            case "ensure directory" -> changed(lab.ensureDirectory(host, s.text("Path")), "absent", "present", "present");
            case "ensure share" -> {
                Change change = lab.ensureShare(host, s.text("ShareName"), s.text("Path"), s.text("Account"));
                yield changed(change, "absent".equals(change.before()) ? "absent" : "shared without full access", "shared", "shared");
            }
            case "grant access" -> changed(lab.grantAccess(host, s.text("Path"), s.text("Account"), s.text("Rights")),
                    "not granted", "granted", "granted");
            case "read access rules" -> Map.of("rules", lab.readAccessRules(host, s.text("Path")).stream()
                    .map(rule -> Map.of("identity", rule.identity(), "rights", rule.rights(), "deny", rule.deny(),
                            "inherited", rule.inherited())).toList());
            case "write file" -> {
                boolean existed = lab.fileExists(host, s.text("Path"));
                yield changed(lab.writeFile(host, s.text("Path"), s.text("Content")), existed ? "other content" : "absent",
                        "written", "same content");
            }
            case "read file" -> content(lab.readFile(host, s.text("Path")));
            case "read file bytes" -> content(lab.readFileBytes(host, s.text("Path")).map(b -> Base64.getEncoder().encodeToString(b)));
            case "check file exists" -> Map.of("exists", lab.fileExists(host, s.text("Path")));
            case "list files" -> Map.of("names", lab.listFiles(host, s.text("Path")));
            case "list files under" -> Map.of("names", lab.listFilesUnder(host, s.text("Path")));
            case "file sha256" -> Map.of("sha256", lab.sha256(host, s.text("Path")));
            case "expand archive" -> changed(lab.expandArchive(host, s.text("Archive"), s.text("Destination")),
                    "not expanded", "expanded", "expanded");
            case "copy file" -> {
                Matcher share = ADMIN_SHARE.matcher(s.text("Target"));
                Change change = share.matches()
                        ? lab.copyFile(host, s.text("Source"), share.group(1), share.group(2) + ":" + (share.group(3) == null ? "\\" : share.group(3)))
                        : lab.copyFile(host, s.text("Source"), host, s.text("Target"));
                yield changed(change, "no identical copy", "copied", "identical copy");
            }
            case "read service" -> service(lab.readService(host, s.text("ServiceName")));
            case "set service start type" -> {
                ServiceStatus before = lab.readService(host, s.text("ServiceName"));
                Change change = lab.setServiceStartType(host, s.text("ServiceName"), startType(s.text("StartupType")));
                String was = startTypeWord(before.startType());
                yield changed(change, was, s.text("StartupType"), was);
            }
            case "start service" -> {
                String was = statusWord(lab.readService(host, s.text("ServiceName")).status());
                yield changed(lab.startService(host, s.text("ServiceName")), was, "Running", was);
            }
            case "stop service" -> {
                String was = statusWord(lab.readService(host, s.text("ServiceName")).status());
                yield changed(lab.stopService(host, s.text("ServiceName")), was, "StopPending", was);
            }
            case "count processes of the account" -> Map.of("count", lab.countProcessesRunningAs(host, s.text("Account")));
            case "read firewall rule" -> firewall(lab.readFirewallRule(host, s.text("Name")));
            case "open firewall port" -> {
                FirewallRule rule = new FirewallRule(s.text("Name"), s.text("DisplayName"), s.number("Port"));
                String before = words(lab.readFirewallRule(host, rule.name()));
                Change change = lab.ensureFirewallRule(host, rule);
                yield changed(change, before, words(lab.readFirewallRule(host, rule.name())), before);
            }
            default -> throw new IllegalStateException("the wire lab does not answer '" + s.operation() + "' yet");
        };
    }

    private Map<String, Object> facts() {
        HostFacts facts = lab.readHostFacts(host);
        return Map.of("osCaption", facts.osCaption(), "osVersion", facts.osVersion(), "restartPending", facts.restartPending(),
                "drives", facts.drives().stream().map(d -> Map.of("letter", String.valueOf(d.letter()), "sizeGb", d.sizeGb(),
                        "freeGb", d.freeGb())).toList());
    }

    private static Map<String, Object> changed(Change change, String before, String after, String unchanged) {
        return change.changed() ? Map.of("changed", true, "before", before, "after", after)
                : Map.of("changed", false, "before", unchanged, "after", unchanged);
    }

    private static Map<String, Object> content(Optional<String> content) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("exists", content.isPresent());
        answer.put("content", content.orElse(null));
        return answer;
    }

    /** Win32_Service's words, as the read script passes them on. */
    private static Map<String, Object> service(ServiceStatus status) {
        if (!status.exists()) {
            return Map.of("exists", false);
        }
        String state = switch (status.status()) {
            case RUNNING -> "Running";
            case STOPPED -> "Stopped";
            case START_PENDING -> "Start Pending";
            case STOP_PENDING -> "Stop Pending";
        };
        String mode = switch (status.startType()) {
            case AUTOMATIC -> "Auto";
            case MANUAL -> "Manual";
            case DISABLED -> "Disabled";
        };
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("exists", true);
        answer.put("state", state);
        answer.put("startMode", mode);
        answer.put("account", status.account());
        return answer;
    }

    /** ServiceController's words ([string]$service.Status), which the change scripts compare. */
    private static String statusWord(ServiceStatus.Status status) {
        return switch (status) {
            case RUNNING -> "Running";
            case STOPPED -> "Stopped";
            case START_PENDING -> "StartPending";
            case STOP_PENDING -> "StopPending";
        };
    }

    private static String startTypeWord(ServiceStatus.StartType type) {
        return switch (type) {
            case AUTOMATIC -> "Automatic";
            case MANUAL -> "Manual";
            case DISABLED -> "Disabled";
        };
    }

    private static ServiceStatus.StartType startType(String word) {
        return switch (word) {
            case "Automatic" -> ServiceStatus.StartType.AUTOMATIC;
            case "Disabled" -> ServiceStatus.StartType.DISABLED;
            default -> ServiceStatus.StartType.MANUAL;
        };
    }

    private static Map<String, Object> firewall(FirewallRule.State state) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("present", state.present());
        answer.put("enabled", state.enabled());
        answer.put("direction", state.direction());
        answer.put("action", state.action());
        answer.put("protocol", state.protocol());
        answer.put("localPorts", state.localPorts());
        return answer;
    }

    /** What the firewall script writes for a rule: "True Inbound Allow TCP 5022", or "absent". */
    private static String words(FirewallRule.State state) {
        return state.present() ? (state.enabled() ? "True" : "False") + " " + state.direction() + " " + state.action() + " "
                + state.protocol() + " " + String.join(",", state.localPorts()) : "absent";
    }

    private static FakeWindowsSshServer.Answer error(String message) {
        return new FakeWindowsSshServer.Answer(1, "", message + "\r\n", java.time.Duration.ZERO);
    }
}
