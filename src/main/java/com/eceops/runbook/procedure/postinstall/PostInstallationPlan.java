package com.eceops.runbook.procedure.postinstall;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.procedure.eceinstall.EceVariables;

/**
 * Names and paths post-installation works with, from the inventory and the replica noted at install time. The
 * seeding backups are {@code <db><tag>.bak/.trn}; the tag is empty at installation and names the run when the
 * rollback of a patch seeds again, so that a re-seed writes new files instead of finding the installation's.
 */
record PostInstallationPlan(Estate estate, String primary, String secondary, String seedBackupTag) {

    static PostInstallationPlan of(Estate estate, DelegateExecution execution) {
        String a = estate.sideA().collocated().name();
        String b = estate.sideB().collocated().name();
        return new PostInstallationPlan(estate, EceVariables.PRIMARY_REPLICA.orElse(execution, a),
                EceVariables.SECONDARY_REPLICA.orElse(execution, b), PostInstallationVariables.SEED_BACKUP_TAG.orElse(execution, ""));
    }

    List<String> collocated() {
        return estate.collocatedServers().stream().map(s -> s.name()).toList();
    }

    String group() {
        return estate.availabilityGroup().name();
    }

    /** The three ECE databases; SSISDB is never among them (post-5). */
    List<String> databases() {
        List<String> names = estate.databases().eceDatabases();
        if (names.stream().anyMatch("SSISDB"::equalsIgnoreCase)) {
            throw new OperationFailedException(primary, "plan post-installation", "SSISDB must not be added to the availability group");
        }
        return names;
    }

    String fullBackup(String database) {
        return estate.paths().sqlBackups() + "\\" + database + seedBackupTag + ".bak";
    }

    String logBackup(String database) {
        return estate.paths().sqlBackups() + "\\" + database + seedBackupTag + ".trn";
    }

    String eceServiceAccount() {
        return estate.domain().netbios() + "\\" + estate.accounts().eceService().name();
    }

    String ciscoService() {
        return estate.ece().serviceName();
    }

    String eceHome(String host) {
        return estate.server(host).map(s -> s.eceHome()).filter(h -> h != null).orElse(estate.paths().eceHome());
    }
}
