package com.eceops.runbook.technology.windows;

import com.eceops.runbook.operations.ChangesEstate;

import com.eceops.runbook.operations.Change;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the runbook does to a Windows server. The rehearsal lab implements it against the simulated estate;
 * the real implementation renders PowerShell and runs it remotely. Hosts are named by their NetBIOS name
 * as the inventory gives it. Paths are local ({@code E:\ECEFile}) or UNC ({@code \\host\share\...},
 * {@code \\domain\root\folder\...}).
 *
 * <p>Every method either answers or throws {@link com.eceops.runbook.operations.OperationFailedException}
 * naming the host and what went wrong. Setters answer {@link Change#none} when they find the desired state.
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
    @ChangesEstate
    FeatureInstallResult installFeatures(String host, List<String> features);

    /** Starts a restart of the host and returns at once; the host is unreachable until it is back. */
    @ChangesEstate
    void restart(String host);

    /** Creates the directory and its parents if missing. */
    @ChangesEstate
    Change ensureDirectory(String host, String path);

    /** Shares the directory under the name, granting the account Full Control on the share. */
    @ChangesEstate
    Change ensureShare(String host, String shareName, String path, String fullAccessAccount);

    /** Adds an Allow rule (e.g. {@code FullControl}, {@code Modify}) for the account, inherited by children. */
    @ChangesEstate
    Change grantAccess(String host, String path, String account, String rights);

    /** The directory's access rules, Deny rules and inherited rules included. */
    List<AccessRule> readAccessRules(String host, String path);

    /** Writes a text file (creating it or replacing its content); the same content changes nothing. */
    @ChangesEstate
    Change writeFile(String host, String path, String content);

    /** A text file's content, empty when there is no such file. */
    Optional<String> readFile(String host, String path);

    /** The file's bytes (read as base64 on the wire), for binary files such as a Java keystore; empty when there is none. */
    Optional<byte[]> readFileBytes(String host, String path);

    boolean fileExists(String host, String path);

    /** The names of the files directly in a directory, sorted. */
    List<String> listFiles(String host, String directory);

    /** The paths, relative to the directory, of every file below it, sub-folders included; sorted. */
    List<String> listFilesUnder(String host, String directory);

    /** Copies a file to another host's path (post-4: backups to the secondary); an identical copy changes nothing. */
    @ChangesEstate
    Change copyFile(String host, String sourcePath, String targetHost, String targetPath);

    /**
     * patch-1.1: the SHA-256 of a file as lower-case hex, as {@code Get-FileHash} computes it. Fails when there is
     * no such file.
     */
    String sha256(String host, String path);

    /**
     * patch-1.1: unzips an archive into the directory (created if missing), overwriting the archive's own files;
     * unzipping the same archive again changes nothing.
     */
    @ChangesEstate
    Change expandArchive(String host, String archivePath, String destination);

    /** A service's status and start type; {@code exists} is false when there is no such service. */
    ServiceStatus readService(String host, String service);

    @ChangesEstate
    Change setServiceStartType(String host, String service, ServiceStatus.StartType startType);

    /** Starts the service and returns once Windows reports it Running (its processes may still be starting). */
    @ChangesEstate
    Change startService(String host, String service);

    /** Asks the service to stop; it stays StopPending until its processes are gone. */
    @ChangesEstate
    Change stopService(String host, String service);

    /** The processes running as the account (patch-1.3 waits for none of the ECE service account). */
    int countProcessesRunningAs(String host, String account);

    /** pre-6.3: the inbound firewall rule of that unique name; absent when there is none. */
    FirewallRule.State readFirewallRule(String host, String name);

    /**
     * pre-6.3: lets the rule's TCP port in (endpoint, listener): adds the rule, or sets a rule of that name that
     * differs; a rule that already allows it changes nothing.
     */
    @ChangesEstate
    Change ensureFirewallRule(String host, FirewallRule rule);
}
