package com.eceops.runbook.technology.ece;

import com.eceops.runbook.operations.ChangesEstate;

import com.eceops.runbook.operations.Change;

/**
 * What the runbook does with ECE itself (inst, post-10, patch). The installer is run by a person; in
 * rehearsal the lab applies a recorded setup run so that the later steps find what it would leave behind.
 */
public interface EceOperations {

    /** What ECE setup left on the host: components, ECE home, whether the Cisco service exists. */
    EceInstallation readInstallation(String host);

    /**
     * Records a setup run (inst-1.1 to inst-3): the components chosen and the installer's settings (keys
     * in {@link SetupRun}). Re-recording components that are installed changes nothing.
     */
    @ChangesEstate
    Change recordSetupRun(String host, SetupRun run);

    /** Reads a configuration file below the host's ECE home; fails if it is not there. */
    String readConfigFile(String host, EceConfigFile file);

    /** Writes a configuration file below the host's ECE home (post-10, patch-4.1); same content changes nothing. */
    @ChangesEstate
    Change writeConfigFile(String host, EceConfigFile file, String content);

    /**
     * The ECE patch level installed on the host (for example {@code "ES5"}), or {@link #BASE_RELEASE} when no
     * patch is installed. patch-3 checks it after each install; the rollback checks it after the uninstall.
     */
    String readPatchLevel(String host);

    /** What {@link #readPatchLevel} answers on a host where ECE carries no patch. */
    String BASE_RELEASE = "base";

    /** GETs {@code https://<ece fqdn>/<context root>/<partition>/} and answers status and content (patch-4.4). */
    LoginPage readLoginPage(String partition);

    /**
     * Starts the patch installer detached on the host (patch-3, when the readme gives a command): {@code command}
     * runs in {@code folder} (the unzipped patch) and outlives the call. Starting it while a run of the same patch
     * is still going changes nothing. Poll it with {@link #pollPatchInstall}.
     */
    @ChangesEstate
    Change startPatchInstall(String host, String patch, String folder, String command);

    /** Whether the detached patch installer of the host still runs, or how it ended (exit code and output tail). */
    PatchInstallStatus pollPatchInstall(String host);

    /**
     * The email Dispatcher and Retriever processes of the system partition and the instances of the business
     * partition, with start type and state, as the system console shows them (patch-1.2 and patch-4.6). An empty
     * list means they could not be read (the real implementation: ECE documents no remote way); the operator's
     * confirmation then stands.
     */
    java.util.List<EmailProcess> readEmailProcesses();
}
