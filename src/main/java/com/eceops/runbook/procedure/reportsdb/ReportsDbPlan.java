package com.eceops.runbook.procedure.reportsdb;

import com.eceops.runbook.procedure.reportsdb.ReportsDbVariables;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.procedure.eceinstall.EceVariables;

import static com.eceops.runbook.technology.reportsdb.ReportsDbPropertiesText.*;

/**
 * Names, paths and values of post-7, from the inventory and the replicas noted at install time. The utility runs on
 * the side-A collocated server, in a copy on the drive ECE is installed on.
 */
public record ReportsDbPlan(Estate estate, String host, String source, String secondary, String secondaryFqdn) {

    public static final String UTILITY_DIRECTORY = "ReportsDB Utility (SQL Server Always ON)";
    public static final String BATCH_FILE = "reportsdb_utility.bat";
    public static final String PROPERTIES_FILE = "reportsdb_utility.properties";
    /** The line the utility's log ends with when it worked. */
    public static final String SUCCESS_LINE = "ReportsDB utility is executed successfully";
    /** SQL Server's default instance, which the properties leave blank. */
    private static final String DEFAULT_INSTANCE = "MSSQLSERVER";

    /** Reads the run's inputs; a missing or unusable one is a clear failure naming it. */
    public static ReportsDbPlan of(Estate estate, Function<String, Object> variables) {
        String host = estate.sideA().collocated().name();
        Object secondary = variables.apply(EceVariables.SECONDARY_REPLICA.name());
        Object secondaryFqdn = variables.apply(EceVariables.SECONDARY_REPLICA_FQDN.name());
        if (secondary == null || secondaryFqdn == null || secondary.toString().isBlank()) {
            throw new OperationFailedException(host, "plan the ReportsDB utility", "secondaryReplica and secondaryReplicaFqdn"
                    + " (noted before installation, inst-1.1) are not given; a later call must pass them on");
        }
        if (estate.collocatedServers().stream().noneMatch(s -> s.name().equalsIgnoreCase(secondary.toString()))) {
            throw new OperationFailedException(host, "plan the ReportsDB utility", "secondaryReplica " + secondary
                    + " is not a collocated server of estate " + estate.name());
        }
        return new ReportsDbPlan(estate, host, source(estate, variables.apply(ReportsDbVariables.SOURCE.name())),
                secondary.toString(), secondaryFqdn.toString());
    }

    /** The utility on the install media (ECE 12.5 and later). */
    public static String mediaSource(Estate estate) {
        return estate.ece().mediaPath() + "\\Utilities\\" + UTILITY_DIRECTORY;
    }

    private static String source(Estate estate, Object given) {
        String host = estate.sideA().collocated().name();
        if (given == null || given.toString().isBlank()) {
            if (!estate.ece().reportsUtilityOnMedia()) {
                throw new OperationFailedException(host, "plan the ReportsDB utility", "ECE " + estate.ece().version()
                        + ": the utility on the install media does not work; give " + ReportsDbVariables.SOURCE
                        + " = the directory the first ES was unzipped to (post-7 runs after the first patch)");
            }
            return mediaSource(estate);
        }
        String path = given.toString().strip();
        while (path.endsWith("\\") && !path.endsWith(":\\") && path.length() > 3) {
            path = path.substring(0, path.length() - 1);
        }
        boolean local = path.matches("(?i)[a-z]:\\\\.*");
        boolean unc = path.matches("\\\\\\\\[^\\\\]+\\\\[^\\\\]+.*");
        if (!local && !unc || path.contains("\"") || path.contains("\n")) {
            throw new OperationFailedException(host, "plan the ReportsDB utility", ReportsDbVariables.SOURCE + " '" + given
                    + "' is neither a local path (X:\\dir) nor a UNC path (\\\\server\\share\\dir)");
        }
        if (path.toLowerCase().endsWith("\\" + UTILITY_DIRECTORY.toLowerCase())) {
            return path;
        }
        return path + "\\Utilities\\" + UTILITY_DIRECTORY;
    }

    /** The copy on the drive ECE is installed on, such as {@code E:\ReportsDB Utility (SQL Server Always ON)}. */
    public String directory() {
        return Character.toUpperCase(estate.paths().eceHome().charAt(0)) + ":\\" + UTILITY_DIRECTORY;
    }

    public String batchFile() {
        return directory() + "\\" + BATCH_FILE;
    }

    public String propertiesFile() {
        return directory() + "\\" + PROPERTIES_FILE;
    }

    /** The jdk under the shared directory, which ECE setup places there. */
    public String javaHome() {
        return estate.paths().sharedDirectory() + "\\env\\jdk";
    }

    /** The values the document lists, unescaped; secret keys map to empty values (see {@link #secrets()}). */
    public Map<String, String> properties() {
        var ag = estate.availabilityGroup();
        var dbs = estate.databases();
        String instance = Optional.ofNullable(estate.sideA().collocated().sqlInstance())
                .filter(i -> !i.equalsIgnoreCase(DEFAULT_INSTANCE)).orElse("");
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ECE_HOME_DIR, estate.dfs().path());
        values.put(REPORTS_DB_SERVER_NAME, secondaryFqdn);
        values.put(REPORTS_DB_LST_PORT, String.valueOf(ag.listenerPort()));
        values.put(REPORTS_DB_INSTANCE_NAME, instance);
        values.put(REPORTS_DB_NAME, dbs.reportsDatabase());
        values.put(ACT_DB_SERVER_NAME, secondaryFqdn);
        values.put(ACT_DB_LST_PORT, String.valueOf(ag.listenerPort()));
        values.put(ACT_DB_INSTANCE_NAME, instance);
        values.put(ACT_DB_NAME, dbs.activeDatabase());
        values.put(MAST_DB_NAME, dbs.masterDatabase());
        values.put(SSIS_INSTALL_PATH, estate.paths().ssisDirectory());
        values.put(SSIS_USER_ID, ssisUser());
        values.put(SSIS_USER_PASSWORD, "");
        values.put(SSIS_CATALOG_PASSWORD, "");
        return values;
    }

    /** The SSIS user is the SQL Server service account given at setup. */
    public String ssisUser() {
        return estate.domain().netbios() + "\\" + estate.accounts().sqlService().name();
    }

    /** The credential references of the secret keys. */
    public Map<String, CredentialRef> secrets() {
        Map<String, CredentialRef> secrets = new LinkedHashMap<>();
        secrets.put(SSIS_USER_PASSWORD, estate.accounts().sqlService().credential());
        secrets.put(SSIS_CATALOG_PASSWORD, estate.ece().ssisCatalogCredential());
        return secrets;
    }
}
