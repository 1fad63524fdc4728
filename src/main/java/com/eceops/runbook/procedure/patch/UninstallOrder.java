package com.eceops.runbook.procedure.patch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The order a rollback uninstalls in: the reverse of patch-3's install order (web B, web A, collocated B, collocated
 * A), so that no server runs a newer level than one patched before it, the same rule the install follows forwards.
 */
@Component("uninstallOrder")
public class UninstallOrder {

    public List<String> of(Collection<String> patchOrder) {
        List<String> reversed = new ArrayList<>(patchOrder);
        Collections.reverse(reversed);
        return reversed;
    }
}
