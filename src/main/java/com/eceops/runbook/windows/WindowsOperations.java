package com.eceops.runbook.windows;

import java.util.List;
import java.util.Set;

/**
 * What the runbook does to a Windows server. The rehearsal lab implements it against the simulated estate;
 * the real implementation renders PowerShell and runs it remotely. Hosts are named by their NetBIOS name
 * as the inventory gives it.
 *
 * <p>Every method either answers or throws {@link com.eceops.runbook.operations.OperationFailedException}
 * naming the host and what went wrong.
 */
public interface WindowsOperations {

    /** Reads the operating system, drives and pending-restart state. Fails if the host does not answer. */
    HostFacts readHostFacts(String host);

    /** True when the host answers remote commands (it is up and its remote management service runs). */
    boolean isReachable(String host);

    /** The names of the installed Windows features, as {@code Get-WindowsFeature} reports them. */
    Set<String> installedFeatures(String host);

    /**
     * Installs the features that are missing, with their management tools. Installing a feature that is
     * already there changes nothing.
     */
    FeatureInstallResult installFeatures(String host, List<String> features);

    /** Starts a restart of the host and returns at once; the host is unreachable until it is back. */
    void restart(String host);
}
