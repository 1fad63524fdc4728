package com.eceops.runbook.technology.windows;

import java.util.List;

/** The outcome of installing features: what was added, and whether Windows asks for a restart. */
public record FeatureInstallResult(List<String> installed, boolean restartNeeded) {

    public boolean changed() {
        return !installed.isEmpty();
    }
}
