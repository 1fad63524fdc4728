package com.eceops.runbook.procedure.patch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.run.RunRefusedException;
import com.eceops.runbook.run.RunVariables;
import com.eceops.runbook.run.Var;
import com.eceops.runbook.security.BuiltInStartCheck;

/**
 * Stands after {@code RunGuard} at the start of SchedulePatch (a built-in listener on the start event's end, put
 * there by the engine plugin), so that a patch
 * registered with wrong input is refused before anything is kept, whatever started it (the start form does not
 * enforce its own required fields on the server). Records the requester (the engine's authenticated user),
 * the window as instants, and when the reminder and the escalation are due.
 */
@Component
public class PatchRequestCheck implements BuiltInStartCheck {

    static final Duration DEFAULT_REMINDER_LEAD = Duration.ofHours(24);
    static final Duration DEFAULT_ESCALATION_LEAD = Duration.ofHours(4);
    private static final Pattern UNC_FILE = Pattern.compile("^\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+(\\\\[^\\\\/]+)*\\\\[^\\\\/]+\\.zip$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEVEL_IN_NAME = Pattern.compile("(?i)(?<![A-Za-z])(E[ST]\\d+)(?!\\d)");
    private static final Pattern PATCH_LEVEL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$");
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");

    private final EstateRepository estates;

    public PatchRequestCheck(EstateRepository estates) {
        this.estates = estates;
    }

    @Override
    public String startFormRef() {
        return "SchedulePatch";
    }

    @Override
    public void notify(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw new RunRefusedException("a patch must be registered by a signed-in user, so that a change manager"
                    + " other than the requester can approve it");
        }
        List<String> problems = new ArrayList<>();
        String file = text(execution, PatchVariables.PATCH_FILE);
        if (file == null || !UNC_FILE.matcher(file).matches()) {
            problems.add("patchFile: give the patch's .zip as a UNC path, such as \\\\fileserver\\patches\\ECE_12.5_ES5.zip");
        }
        String checksum = text(execution, PatchVariables.PATCH_CHECKSUM);
        if (checksum == null || !SHA256.matcher(checksum).matches()) {
            problems.add("patchChecksum: give the SHA-256 of the patch file as 64 hexadecimal digits");
        }
        if (text(execution, PatchVariables.PATCH_README) == null) {
            problems.add("patchReadme: paste the patch's readme; operators acknowledge it before the window");
        }
        Estate estate = estates.load(RunVariables.ESTATE.in(execution));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        PatchSchedule.Window window = null;
        Duration remind = null;
        Duration escalate = null;
        try {
            window = window(execution, estate, now);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            remind = PatchSchedule.leadTime(PatchVariables.REMINDER_LEAD_TIME.name(),
                    PatchVariables.REMINDER_LEAD_TIME.from(execution).orElse(null), DEFAULT_REMINDER_LEAD);
            escalate = PatchSchedule.leadTime(PatchVariables.ESCALATION_LEAD_TIME.name(),
                    PatchVariables.ESCALATION_LEAD_TIME.from(execution).orElse(null), DEFAULT_ESCALATION_LEAD);
            if (escalate.compareTo(remind) >= 0) {
                problems.add("escalationLeadTime: the escalation (" + escalate + " before the window) must come after"
                        + " the reminder (" + remind + " before)");
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        String patchLevel = file == null || !UNC_FILE.matcher(file).matches() ? null : patchLevelOf(text(execution, PatchVariables.PATCH_LEVEL), file);
        if (patchLevel == null && file != null && UNC_FILE.matcher(file).matches()) {
            problems.add("patchLevel: the file name names no ES or ET level; give the level ECE reports once"
                    + " installed, such as ES5");
        }
        if (patchLevel != null && !PATCH_LEVEL.matcher(patchLevel).matches()) {
            problems.add("patchLevel: '" + patchLevel + "' is not a patch level such as ES5 (letters, digits, dots, dashes)");
        }
        String command = text(execution, PatchVariables.PATCH_INSTALL_COMMAND);
        String commandProblem = InstallCommandRule.problem(command);
        if (commandProblem != null) {
            problems.add(commandProblem);
        }
        if (!problems.isEmpty()) {
            throw new RunRefusedException("the patch was not registered: " + String.join("; ", problems));
        }
        PatchVariables.REQUESTER.set(execution, user.getUserId());
        PatchVariables.PATCH_CHECKSUM.set(execution, checksum.toLowerCase(Locale.ROOT));
        WindowVariables.WINDOW.set(execution, window.describe());
        PatchVariables.WINDOW_OPENS_AT.set(execution, Date.from(window.start().toInstant()));
        WindowVariables.WINDOW_CLOSES_AT.set(execution, Date.from(window.end().toInstant()));
        PatchVariables.REMIND_AT.set(execution, Date.from(window.start().toInstant().minus(remind)));
        PatchVariables.ESCALATE_AT.set(execution, Date.from(window.start().toInstant().minus(escalate)));
        PatchVariables.ALL_SERVERS.set(execution,
                new ArrayList<>(estate.allServers().stream().map(Server::name).toList()));
        PatchVariables.REMINDERS_SENT.set(execution, 0);
        WindowVariables.WINDOW_ZONE_ID.set(execution, window.start().getZone().getId());
        PatchVariables.PATCH_LEVEL.set(execution, patchLevel);
        PatchVariables.PATCH_INSTALL_COMMAND.set(execution, command);
    }

    /** ES5 for ...\ES5.zip or ...\ECE_12.5_ES5.zip (the level ECE reports), unless the registration names it; null when the name has none. */
    static String patchLevelOf(String given, String file) {
        if (given != null) {
            return given;
        }
        String name = file.substring(file.lastIndexOf('\\') + 1);
        String stem = name.substring(0, name.length() - 4);
        // ECE reports the engineering special or test level alone (ES5), whatever else the file name carries.
        Matcher level = LEVEL_IN_NAME.matcher(stem);
        String found = null;
        while (level.find()) {
            found = level.group(1).toUpperCase(Locale.ROOT);
        }
        return found;
    }

    private static PatchSchedule.Window window(DelegateExecution execution, Estate estate, Instant now) {
        String choice = text(execution, PatchVariables.WINDOW_CHOICE);
        if ("recurring".equals(choice)) {
            return PatchSchedule.nextOpening(estate.patchWindows(), now);
        }
        if (choice != null && !"explicit".equals(choice)) {
            throw new IllegalArgumentException("windowChoice: 'explicit' or 'recurring', not '" + choice + "'");
        }
        return PatchSchedule.explicit(text(execution, PatchVariables.WINDOW_START),
                text(execution, PatchVariables.WINDOW_END), text(execution, PatchVariables.WINDOW_ZONE), now);
    }

    private static String text(DelegateExecution execution, Var<String> field) {
        return field.from(execution).map(String::trim).filter(value -> !value.isEmpty()).orElse(null);
    }
}
