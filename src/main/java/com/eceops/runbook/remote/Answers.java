package com.eceops.runbook.remote;

import java.util.List;

import com.eceops.runbook.operations.Change;

/** The JSON answers of the scripts, as records; field names are the scripts' property names. */
final class Answers {

    private Answers() {
    }

    record Names(List<String> names) {
        Names {
            names = names == null ? List.of() : names;
        }
    }

    record Changed(boolean changed, String before, String after) {
        Change toChange() {
            return changed ? Change.of(before, after) : Change.none(before);
        }
    }

    record Reachable(boolean reachable, String computer) {
    }

    record Facts(String osCaption, String osVersion, List<Drive> drives, boolean restartPending) {
        record Drive(String letter, long sizeGb, long freeGb) {
        }
    }

    record Installed(boolean success, boolean restartNeeded, List<String> installed) {
    }

    record Rules(List<Rule> rules) {
        record Rule(String identity, String rights, boolean deny, boolean inherited) {
        }
    }

    record FileContent(boolean exists, String content) {
    }

    record Service(boolean exists, String state, String startMode, String account) {
    }

    record Hash(String sha256) {
    }

    record Count(int count) {
    }
}
