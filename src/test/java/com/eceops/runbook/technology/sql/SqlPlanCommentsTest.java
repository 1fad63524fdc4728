package com.eceops.runbook.technology.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.eceops.runbook.estate.EceDatabases;
import com.eceops.runbook.estate.Estate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Defence in depth behind the inventory's text rules: whatever a value holds, a {@code --} comment of the plan
 * stays one line, so no value can put GO or a statement at code level after it.
 */
class SqlPlanCommentsTest {

    private static final String HOSTILE = "eGActiveDB\r\nGO\nDROP DATABASE eGMasterDB\u2028--\u0085x";

    @Test
    void aStepHeadingIsOneLineWhateverItsStepAndDatabaseHold() {
        String script = SqlPlan.script(List.of(new SqlPlan.PlannedStatement("A", "pre-6.2\nGO\nDROP DATABASE x",
                "master\r\n", "SELECT 1;")), "A");
        assertThat(script.lines()).containsExactly("-- pre-6.2\\u000AGO\\u000ADROP DATABASE x (master\\u000D\\u000A)",
                "SELECT 1;", "GO");
    }

    @Test
    void theRollbacksCommentShowsADatabaseNameOnItsOwnLine() {
        Estate sample = SampleEstate.massiveDynamic();
        EceDatabases d = sample.databases();
        Estate hostile = new Estate(sample.name(), sample.description(), sample.live(), sample.domain(), sample.sideA(),
                sample.sideB(), sample.cluster(), sample.availabilityGroup(),
                new EceDatabases(HOSTILE, d.masterDatabase(), d.reportsDatabase(), d.seedingDatabase()), sample.paths(),
                sample.dfs(), sample.accounts(), sample.ece(), sample.loadBalancer(), sample.patchWindows(),
                sample.sqlConnection(), sample.patchStepEstimates());
        List<String> comments = SqlPlan.of(hostile).stream().map(SqlPlan.PlannedStatement::sql)
                .filter(sql -> sql.startsWith("-- only if ")).map(sql -> sql.lines().findFirst().orElseThrow()).toList();
        assertThat(comments).hasSize(3).contains("-- only if eGActiveDB\\u000D\\u000AGO\\u000ADROP DATABASE eGMasterDB"
                + "\\u2028--\\u0085x is still joined here after REMOVE DATABASE");
        assertThat(comments).allSatisfy(line -> assertThat(line).endsWith(" is still joined here after REMOVE DATABASE"));
    }

    @Test
    void anOrdinaryValueIsShownAsItIs() {
        assertThat(SqlPlan.script(List.of(new SqlPlan.PlannedStatement("A", "post-5", "master", "SELECT 1;")), "A"))
                .isEqualTo("-- post-5 (master)\nSELECT 1;\nGO\n");
    }
}
