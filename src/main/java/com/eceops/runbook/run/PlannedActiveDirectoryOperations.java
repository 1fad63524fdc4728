package com.eceops.runbook.run;

import java.util.List;

import com.eceops.runbook.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.activedirectory.DirectoryObject;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.operations.Change;

/**
 * pre-2 in a plan-mode run, as {@link PlannedWindowsOperations} does for Windows: each change is handed to the
 * PowerShell implementation in plan mode (which records its script for the management host, the password masked
 * and never resolved), then applied to the lab so that the following reads answer as after the real change.
 * Reads go to the lab.
 */
final class PlannedActiveDirectoryOperations implements ActiveDirectoryOperations {

    private final ActiveDirectoryOperations lab;
    private final ActiveDirectoryOperations recording;
    private final Runnable afterRecording;

    PlannedActiveDirectoryOperations(ActiveDirectoryOperations lab, ActiveDirectoryOperations recording, Runnable afterRecording) {
        this.lab = lab;
        this.recording = recording;
        this.afterRecording = afterRecording;
    }

    @Override
    public Change ensureServiceUser(String account, CredentialRef password) {
        recording.ensureServiceUser(account, password);
        afterRecording.run();
        return lab.ensureServiceUser(account, password);
    }

    @Override
    public Change ensureOrganizationalUnit(String distinguishedName) {
        recording.ensureOrganizationalUnit(distinguishedName);
        afterRecording.run();
        return lab.ensureOrganizationalUnit(distinguishedName);
    }

    @Override
    public Change prestageClusterNameObject(String computerName, String organizationalUnit) {
        recording.prestageClusterNameObject(computerName, organizationalUnit);
        afterRecording.run();
        return lab.prestageClusterNameObject(computerName, organizationalUnit);
    }

    @Override
    public Change grantFullControlOnComputerObject(String computerName, String account) {
        recording.grantFullControlOnComputerObject(computerName, account);
        afterRecording.run();
        return lab.grantFullControlOnComputerObject(computerName, account);
    }

    @Override
    public Change grantCreateDeleteComputerObjects(String organizationalUnit, String computerName) {
        recording.grantCreateDeleteComputerObjects(organizationalUnit, computerName);
        afterRecording.run();
        return lab.grantCreateDeleteComputerObjects(organizationalUnit, computerName);
    }

    @Override
    public List<String> findServicePrincipalName(String spn) {
        return lab.findServicePrincipalName(spn);
    }

    @Override
    public Change registerServicePrincipalName(String account, String spn) {
        recording.registerServicePrincipalName(account, spn);
        afterRecording.run();
        return lab.registerServicePrincipalName(account, spn);
    }

    @Override
    public Change trustForDelegationKerberosOnly(String objectName) {
        recording.trustForDelegationKerberosOnly(objectName);
        afterRecording.run();
        return lab.trustForDelegationKerberosOnly(objectName);
    }

    @Override
    public DirectoryObject readObject(String name) {
        return lab.readObject(name);
    }
}
