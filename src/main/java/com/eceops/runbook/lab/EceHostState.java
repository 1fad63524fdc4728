package com.eceops.runbook.lab;

import com.eceops.runbook.ece.EceComponent;
import java.util.LinkedHashSet;
import java.util.Set;

/** What ECE setup runs left on a host. */
class EceHostState {
    public Set<EceComponent> components = new LinkedHashSet<>();
    public String eceHome;
    /** Installed patches, oldest first; uninstalling removes the last one (ECE patches are undone in order). */
    public java.util.List<String> patches = new java.util.ArrayList<>();
}
