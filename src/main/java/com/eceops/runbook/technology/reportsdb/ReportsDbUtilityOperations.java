package com.eceops.runbook.technology.reportsdb;

import com.eceops.runbook.operations.ChangesEstate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.operations.Change;

/**
 * post-7: what the runbook does with the ReportsDB utility on the side-A collocated server, beyond plain file edits
 * (which go through {@link com.eceops.runbook.technology.windows.WindowsOperations}). The rehearsal lab simulates the utility;
 * the real implementation renders PowerShell. Every method answers or throws
 * {@link com.eceops.runbook.operations.OperationFailedException} naming the host.
 */
public interface ReportsDbUtilityOperations {

    /**
     * Copies the directory's files (recursively) to {@code target} on the host. A file already at the target is
     * kept, because it may carry this runbook's edits; a complete copy changes nothing. {@code source} may be a
     * local or UNC path (the install media, an unzipped ES).
     */
    @ChangesEstate
    Change copyDirectory(String host, String source, String target);

    /**
     * Writes the properties file: {@code text} as {@link ReportsDbPropertiesText#withValues} renders it, whose secret
     * keys' lines are empty, each filled here with its credential's secret, resolved and escaped at this moment
     * only. The same content changes nothing.
     */
    @ChangesEstate
    Change writeProperties(String host, String path, String text, Map<String, CredentialRef> secrets);

    /** The properties file with the values of {@code secretKeys} masked ({@link ReportsDbPropertiesText#masked}). */
    Optional<String> readPropertiesMasked(String host, String path, Set<String> secretKeys);

    /** Starts {@code reportsdb_utility.bat createDBObjects} in the directory, detached, and returns at once. */
    @ChangesEstate
    UtilityRun startCreateDbObjects(String host, String directory);

    /** One short look at a started run. */
    UtilityStatus poll(UtilityRun run);

    /** The last lines of the newest {@code logs\*ReportsDBUtil.log} in the directory; empty when there is none. */
    Optional<String> readLogTail(String host, String directory);
}
