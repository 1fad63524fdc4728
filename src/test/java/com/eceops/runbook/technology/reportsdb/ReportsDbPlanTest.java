package com.eceops.runbook.technology.reportsdb;

import com.eceops.runbook.procedure.reportsdb.ReportsDbPlan;

import com.eceops.runbook.procedure.reportsdb.ReportsDbVariables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.operations.OperationFailedException;

/** post-7's values for the sample estate, and the inputs a later call (from the patch process) gives. */
class ReportsDbPlanTest {

    private final Estate estate = new EstateRepository(new EstateProperties(Path.of("estates"), Path.of("no-secrets")))
            .load("massivedynamic");
    private final Map<String, Object> variables = new HashMap<>(Map.of("secondaryReplica", "CC2K125ECEAB",
            "secondaryReplicaFqdn", "CC2K125ECEAB.massivedynamic.com"));

    @Test
    void theSampleGetsTheDocumentsValues() {
        ReportsDbPlan plan = ReportsDbPlan.of(estate, variables::get);
        assertThat(plan.host()).isEqualTo("CC2K125ECEAA");
        assertThat(plan.source()).isEqualTo("\\\\massivedynamic.com\\ECE_Root\\Media\\ECE_12.5\\Utilities\\ReportsDB Utility (SQL Server Always ON)");
        assertThat(plan.directory()).isEqualTo("E:\\ReportsDB Utility (SQL Server Always ON)");
        assertThat(plan.javaHome()).isEqualTo("E:\\ECEFile\\env\\jdk");
        assertThat(plan.properties()).containsEntry("ECE_HOME_DIR", "\\\\massivedynamic.com\\ECE_Root\\ECE")
                .containsEntry("REPORTS_DB_SERVER_NAME", "CC2K125ECEAB.massivedynamic.com")
                .containsEntry("ACT_DB_SERVER_NAME", "CC2K125ECEAB.massivedynamic.com")
                .containsEntry("REPORTS_DB_LST_PORT", "1433").containsEntry("REPORTS_DB_INSTANCE_NAME", "")
                .containsEntry("REPORTS_DB_NAME", "eGReportsDB").containsEntry("ACT_DB_NAME", "eGActiveDB")
                .containsEntry("MAST_DB_NAME", "eGMasterDB").containsEntry("SSIS_INSTALL_PATH", "E:\\ssis_data")
                .containsEntry("SSIS_USER_ID", "MASSIVE\\SqlServerSvc")
                .containsEntry("SSIS_USER_PASSWORD", "").containsEntry("SSIS_CATALOG_PASSWORD", "");
        assertThat(plan.secrets()).containsEntry("SSIS_USER_PASSWORD", new CredentialRef("sql-service"))
                .containsEntry("SSIS_CATALOG_PASSWORD", new CredentialRef("ssis-catalog"));
    }

    @Test
    void anEsDirectoryIsTakenWithItsUtilitiesFolderOrAsTheUtilityItself() {
        variables.put(ReportsDbVariables.SOURCE.name(), "E:\\Patches\\ES1\\");
        assertThat(ReportsDbPlan.of(estate, variables::get).source())
                .isEqualTo("E:\\Patches\\ES1\\Utilities\\ReportsDB Utility (SQL Server Always ON)");
        variables.put(ReportsDbVariables.SOURCE.name(), "\\\\fs\\media\\Utilities\\ReportsDB Utility (SQL Server Always ON)");
        assertThat(ReportsDbPlan.of(estate, variables::get).source())
                .isEqualTo("\\\\fs\\media\\Utilities\\ReportsDB Utility (SQL Server Always ON)");
    }

    @Test
    void badInputIsAClearFailureNamingIt() {
        variables.put(ReportsDbVariables.SOURCE.name(), "ES1\\Utilities");
        assertThatThrownBy(() -> ReportsDbPlan.of(estate, variables::get)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("reportsUtilitySource 'ES1\\Utilities' is neither a local path");
        variables.remove(ReportsDbVariables.SOURCE.name());
        variables.remove("secondaryReplicaFqdn");
        assertThatThrownBy(() -> ReportsDbPlan.of(estate, variables::get)).hasMessageContaining("secondaryReplicaFqdn");
        variables.put("secondaryReplicaFqdn", "x");
        variables.put("secondaryReplica", "CC2K125ECEWA");
        assertThatThrownBy(() -> ReportsDbPlan.of(estate, variables::get)).hasMessageContaining("not a collocated server");
    }
}
