package com.eceops.runbook.technology.powershell;

import java.util.List;

import com.eceops.runbook.operations.Change;

/** The JSON answers of the scripts, as records; field names are the scripts' property names. */
public final class Answers {

    private Answers() {
    }

    public record Names(List<String> names) {
        public Names {
            names = names == null ? List.of() : names;
        }
    }

    public record Changed(boolean changed, String before, String after) {
        public Change toChange() {
            return changed ? Change.of(before, after) : Change.none(before);
        }
    }

    public record Reachable(boolean reachable, String computer) {
    }

    public record Facts(String osCaption, String osVersion, List<Drive> drives, boolean restartPending) {
        public record Drive(String letter, long sizeGb, long freeGb) {
        }
    }

    public record Installed(boolean success, boolean restartNeeded, List<String> installed) {
    }

    public record Rules(List<Rule> rules) {
        public record Rule(String identity, String rights, boolean deny, boolean inherited) {
        }
    }

    public record FileContent(boolean exists, String content) {
    }

    public record Service(boolean exists, String state, String startMode, String account) {
    }

    public record Hash(String sha256) {
    }

    public record Count(int count) {
    }
}
