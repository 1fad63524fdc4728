package com.eceops.runbook.technology.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * sys-4 and the availability group read one edition two ways: the document wants Enterprise (licensed for production),
 * while the group's own limit is the engine's (Developer takes three databases in one group like Enterprise).
 */
class SqlServerFactsTest {

    @ParameterizedTest(name = "{0}: Enterprise for sys-4 {1}, many databases in a group {2}")
    @CsvSource({
        "Enterprise Edition (64-bit), true, true",
        "Enterprise Edition: Core-based Licensing (64-bit), true, true",
        "Developer Edition (64-bit), false, true",
        "Standard Edition (64-bit), false, false",
        "Express Edition (64-bit), false, false"})
    void theEditionDecidesSys4AndTheGroupsLimitApart(String edition, boolean enterprise, boolean manyDatabases) {
        SqlServerFacts facts = new SqlServerFacts("CC2K125ECEAA", edition, "13.0.5026.0", "MSSQLSERVER", true);
        assertThat(facts.isEnterprise()).isEqualTo(enterprise);
        assertThat(facts.allowsManyDatabasesPerGroup()).isEqualTo(manyDatabases);
    }
}
