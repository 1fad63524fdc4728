package com.eceops.runbook.technology.sql;

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
    private static final PrePatchRestore RESTORE = new PrePatchRestore("eGActiveDB", "F:\\b\\x.bak", 1,
            "42000000000012300001", "42000000000012500001", "CC2K125ECEAA");
    private static final Optional<BackupHeader> RECORDED = Optional.of(new BackupHeader("eGActiveDB", 1,
            "42000000000012300001", "42000000000012500001", 1, true));

    private static void guard(String host, Map<String, String> roles, boolean joined, BackupVerification verification,
                              Optional<BackupHeader> header) {
        SqlGuards.restoreBeforePatch(host, RESTORE, roles, List.of(db("eGActiveDB", joined)), verification, header);
    }

    @Test
    void theRollbackRestoreIsRefusedWhileTheDatabaseIsJoined() {
        assertThatThrownBy(() -> guard("CC2K125ECEAA", Map.of("CC2K125ECEDB", "PRIMARY"), true, VALID, RECORDED))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("joined to an availability group");
    }

    @Test
    void theRollbackRestoreIsRefusedOnASecondaryEvenWhereTheBackupWasTaken() {
        assertThatThrownBy(() -> guard("CC2K125ECEAA", Map.of("CC2K125ECEDB", "SECONDARY"), false, VALID, RECORDED))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("SECONDARY replica");
    }

    @Test
    void theRollbackRestoreIsRefusedFromAFileThatFailsVerification() {
        BackupVerification damaged = new BackupVerification("F:\\b\\x.bak", false, "Msg 3013: VERIFY DATABASE is terminating abnormally");
        assertThatThrownBy(() -> guard("CC2K125ECEAA", Map.of("CC2K125ECEDB", "PRIMARY"), false, damaged, RECORDED))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("fails RESTORE VERIFYONLY")
                .hasMessageContaining("terminating abnormally");
    }

    @Test
    void theRollbackRestoreGoesToTheServerThatTookTheBackupOrThePrimaryOnly() {
        assertThatThrownBy(() -> guard("CC2K125ECEAB", Map.of(), false, VALID, RECORDED))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("neither the server that took the backup");
        assertThatCode(() -> guard("CC2K125ECEAB", Map.of("CC2K125ECEDB", "PRIMARY"), false, VALID, RECORDED)).doesNotThrowAnyException();
        assertThatCode(() -> guard("CC2K125ECEAA", Map.of(), false, VALID, RECORDED)).doesNotThrowAnyException();
    }

    @Test
    void theRollbackRestoreIsRefusedWhenTheFilesHeaderIsNotTheRecordedBackupSet() {
        Map<String, String> primary = Map.of("CC2K125ECEDB", "PRIMARY");
        assertThatThrownBy(() -> guard("CC2K125ECEAA", primary, false, VALID, Optional.of(new BackupHeader("eGMasterDB", 1,
                "42000000000012300001", "42000000000012500001", 1, true))))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("is of database eGMasterDB, not eGActiveDB");
        assertThatThrownBy(() -> guard("CC2K125ECEAA", primary, false, VALID, Optional.of(new BackupHeader("eGActiveDB", 2,
                "42000000000012300001", "42000000000012500001", 1, true))))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("BackupType 2, not 1");
        assertThatThrownBy(() -> guard("CC2K125ECEAA", primary, false, VALID, Optional.of(new BackupHeader("eGActiveDB", 1,
                "43000000000000100001", "43000000000000300001", 1, true))))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("differ from the recorded")
                .hasMessageContaining("another backup of eGActiveDB");
        assertThatThrownBy(() -> guard("CC2K125ECEAA", primary, false, VALID, Optional.empty()))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("no backup set at position 1");
    }

    @Test
    void thePrePatchBackupIsTakenOnThePrimaryOnly() {
        assertThatThrownBy(() -> SqlGuards.onPrimary("CC2K125ECEAB", "BACKUP", Map.of("CC2K125ECEDB", "SECONDARY")))
                .isInstanceOf(SqlGuardRefusedException.class).hasMessageContaining("not the PRIMARY replica");
        assertThatThrownBy(() -> SqlGuards.onPrimary("CC2K125ECEAB", "BACKUP", Map.of()))
                .isInstanceOf(SqlGuardRefusedException.class);
        assertThatCode(() -> SqlGuards.onPrimary("CC2K125ECEAA", "BACKUP", Map.of("CC2K125ECEDB", "PRIMARY"))).doesNotThrowAnyException();
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
