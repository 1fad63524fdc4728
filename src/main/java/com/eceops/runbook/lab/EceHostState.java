package com.eceops.runbook.lab;

import com.eceops.runbook.ece.EceComponent;
import java.util.LinkedHashSet;
import java.util.Set;

/** What ECE setup runs left on a host. */
class EceHostState {
    public Set<EceComponent> components = new LinkedHashSet<>();
    public String eceHome;
}
