package com.eceops.runbook.technology.reportsdb;

import static com.eceops.runbook.technology.powershell.WireAnswers.changed;

import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.technology.powershell.WireScript;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ReportsDB utility half of the wire lab (post-7): the copy of the utility, its properties file and its run, on
 * the lab's server that received the script. The lab never holds a password: the secrets the script fills in arrive
 * as a note that one was given. The run, a scheduled task's payload, ends as the lab's run ends: its output, or a
 * failure with the lab's words.
 */
public record WireLabReportsDb(String host, ReportsDbUtilityOperations lab) {

    /** The operations that change a server: a plan records exactly these. */
    public static final Set<String> CHANGES = Set.of("copy directory", "write properties file",
            "run reportsdb_utility.bat createDBObjects");

    /** The answer to a post-7 script, or empty when the script is not one. */
    public Optional<Object> answer(WireScript s) {
        return Optional.ofNullable(switch (s.operation()) {
            case "copy directory" -> changed(lab.copyDirectory(host, s.text("Source"), s.text("Target")));
            case "write properties file" -> {
                Map<String, CredentialRef> given = new LinkedHashMap<>();
                s.texts("SecretKeys").forEach(key -> given.put(key, new CredentialRef("given-on-the-wire")));
                yield changed(lab.writeProperties(host, s.text("Path"), s.text("Content"), given));
            }
            case "read properties file" -> lab.readPropertiesMasked(host, s.text("Path"), Set.copyOf(s.texts("SecretKeys")))
                    .<Object>map(content -> Map.of("exists", true, "content", content))
                    .orElse(Map.of("exists", false));
            case "run reportsdb_utility.bat createDBObjects" -> run(s.text("Directory"));
            case "read the ReportsDB utility log" -> lab.readLogTail(host, s.text("Directory"))
                    .<Object>map(content -> Map.of("exists", true, "content", content))
                    .orElse(Map.of("exists", false));
            default -> null;
        });
    }

    /** The utility's run to its end on the lab's clock; a run still going after that is an error, as a hung run is. */
    private String run(String directory) {
        UtilityRun run = lab.startCreateDbObjects(host, directory);
        for (int poll = 0; poll < 50; poll++) {
            UtilityStatus status = lab.poll(run);
            if (status instanceof UtilityStatus.Finished finished) {
                if (finished.exitCode() != 0) {
                    throw new IllegalStateException(finished.outputTail());
                }
                return finished.outputTail();
            }
            if (status instanceof UtilityStatus.Lost lost) {
                throw new IllegalStateException(lost.reason());
            }
        }
        throw new IllegalStateException("the ReportsDB utility is still running in " + directory);
    }
}
