package com.eceops.runbook.sql;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlGuardsTest {

    private static DatabaseFacts db(String name, boolean inGroup) {
        return new DatabaseFacts(name, "ONLINE", SqlServerOperations.RecoveryModel.FULL, inGroup, Optional.empty(), Optional.empty());
    }

    @Test
    void aRestoreOnThePrimaryReplicaIsRefused() {
        assertThatThrownBy(() -> SqlGuards.restore("CC2K125ECEAA", "eGActiveDB", Map.of("CC2K125ECEDB", "PRIMARY"), List.of()))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("PRIMARY replica of CC2K125ECEDB");
    }

    @Test
    void aRestoreOverADatabaseInAnAvailabilityGroupIsRefused() {
        assertThatThrownBy(() -> SqlGuards.restore("CC2K125ECEAB", "eGActiveDB", Map.of("CC2K125ECEDB", "SECONDARY"),
                List.of(db("eGActiveDB", true))))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("is in an availability group");
    }

    @Test
    void aRestoreOnTheSecondaryOfANewDatabaseGoesAhead() {
        assertThatCode(() -> SqlGuards.restore("CC2K125ECEAB", "eGActiveDB", Map.of("CC2K125ECEDB", "SECONDARY"), List.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void addingSsisdbToTheAvailabilityGroupIsRefused() {
        assertThatThrownBy(() -> SqlGuards.notSsisdb("CC2K125ECEAA", "ADD DATABASE", "ssisdb"))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("SSISDB must NOT be added");
    }

    @Test
    void aSecondDatabaseInAnAvailabilityGroupOnStandardEditionIsRefused() {
        SqlServerFacts standard = new SqlServerFacts("CC2K125ECEAA", "Standard Edition (64-bit)", "13.0.5026.0", "MSSQLSERVER", true);
        assertThatThrownBy(() -> SqlGuards.editionAllows(standard, "CREATE AVAILABILITY GROUP", 3))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("install Enterprise");
        assertThatCode(() -> SqlGuards.editionAllows(standard, "CREATE AVAILABILITY GROUP", 1)).doesNotThrowAnyException();
    }

    private static final BackupVerification VALID = new BackupVerification("F:\\b\\x.bak", true, "valid");

    @Test
    void theRollbackRestoreIsRefusedWhileTheDatabaseIsJoined() {
        assertThatThrownBy(() -> SqlGuards.restoreBeforePatch("CC2K125ECEAA", "eGActiveDB", "CC2K125ECEAA",
                Map.of("CC2K125ECEDB", "PRIMARY"), List.of(db("eGActiveDB", true)), VALID))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("joined to an availability group");
    }

    @Test
    void theRollbackRestoreIsRefusedOnASecondaryEvenWhereTheBackupWasTaken() {
        assertThatThrownBy(() -> SqlGuards.restoreBeforePatch("CC2K125ECEAA", "eGActiveDB", "CC2K125ECEAA",
                Map.of("CC2K125ECEDB", "SECONDARY"), List.of(db("eGActiveDB", false)), VALID))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("SECONDARY replica");
    }

    @Test
    void theRollbackRestoreIsRefusedFromAFileThatFailsVerification() {
        BackupVerification damaged = new BackupVerification("F:\\b\\x.bak", false, "Msg 3013: VERIFY DATABASE is terminating abnormally");
        assertThatThrownBy(() -> SqlGuards.restoreBeforePatch("CC2K125ECEAA", "eGActiveDB", "CC2K125ECEAA",
                Map.of("CC2K125ECEDB", "PRIMARY"), List.of(db("eGActiveDB", false)), damaged))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("fails RESTORE VERIFYONLY")
                .hasMessageContaining("terminating abnormally");
    }

    @Test
    void theRollbackRestoreGoesToTheServerThatTookTheBackupOrThePrimaryOnly() {
        assertThatThrownBy(() -> SqlGuards.restoreBeforePatch("CC2K125ECEAB", "eGActiveDB", "CC2K125ECEAA", Map.of(),
                List.of(db("eGActiveDB", false)), VALID))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("neither the server that took the backup");
        assertThatCode(() -> SqlGuards.restoreBeforePatch("CC2K125ECEAB", "eGActiveDB", "CC2K125ECEAA",
                Map.of("CC2K125ECEDB", "PRIMARY"), List.of(db("eGActiveDB", false)), VALID)).doesNotThrowAnyException();
        assertThatCode(() -> SqlGuards.restoreBeforePatch("CC2K125ECEAA", "eGActiveDB", "CC2K125ECEAA", Map.of(),
                List.of(db("eGActiveDB", false)), VALID)).doesNotThrowAnyException();
    }

    @Test
    void aStaleCopyIsReplacedOnTheSecondaryOnlyAndNeverWhileJoined() {
        assertThatThrownBy(() -> SqlGuards.replaceOnSecondary("CC2K125ECEAA", "eGActiveDB", Map.of("CC2K125ECEDB", "PRIMARY"), List.of()))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("secondary only");
        assertThatThrownBy(() -> SqlGuards.replaceOnSecondary("CC2K125ECEAB", "eGActiveDB", Map.of(), List.of()))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("not a secondary replica");
        assertThatThrownBy(() -> SqlGuards.replaceOnSecondary("CC2K125ECEAB", "eGActiveDB", Map.of("CC2K125ECEDB", "SECONDARY"),
                List.of(db("eGActiveDB", true))))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("still joined");
        assertThatCode(() -> SqlGuards.replaceOnSecondary("CC2K125ECEAB", "eGActiveDB", Map.of("CC2K125ECEDB", "SECONDARY"),
                List.of(db("eGActiveDB", false)))).doesNotThrowAnyException();
    }
}
