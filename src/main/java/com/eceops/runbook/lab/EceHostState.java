package com.eceops.runbook.lab;

import com.eceops.runbook.technology.ece.EceComponent;
import java.util.LinkedHashSet;
import java.util.Set;

/** What ECE setup runs left on a host. */
class EceHostState {
    public Set<EceComponent> components = new LinkedHashSet<>();
    public String eceHome;
    /** Installed patches, oldest first; uninstalling removes the last one (ECE patches are undone in order). */
    public java.util.List<String> patches = new java.util.ArrayList<>();
    /** What each installed patch replaced, by patch then file path: its uninstall puts these back. */
    public java.util.Map<String, java.util.Map<String, String>> replacedByPatch = new java.util.LinkedHashMap<>();
    /** The detached patch installer last started here (patch-3): which patch, since when, and its exit code once ended. */
    public String installerPatch;
    public java.time.Instant installerStartedAt;
    public Integer installerExitCode;
    public String installerOutput;
}
