package com.eceops.runbook.technology.ece;

import java.util.Set;

/** What ECE setup left on one host; {@code eceHome} is null before any run that sets it. */
public record EceInstallation(String host, Set<EceComponent> components, String eceHome, boolean ciscoServicePresent) {
}
