package com.eceops.runbook.technology.activedirectory;

import com.eceops.runbook.operations.ChangesEstate;

import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.operations.Change;
import java.util.List;

/**
 * What the runbook does in Active Directory (pre-2). The real implementation runs the AD cmdlets on the
 * domain's management host; the rehearsal lab keeps a simulated directory. Objects are named by their
 * sAMAccountName without the trailing {@code $} of computers; OUs by distinguished name. Every setter is
 * idempotent: finding the desired state changes nothing and answers {@link Change#none}.
 */
public interface ActiveDirectoryOperations {

    /** Creates the user if missing, enabled, in Domain Users, password never expires (pre-2.1). */
    @ChangesEstate
    Change ensureServiceUser(String account, CredentialRef password);

    /** Creates the organizational unit if missing, protected from accidental deletion. */
    @ChangesEstate
    Change ensureOrganizationalUnit(String distinguishedName);

    /**
     * Prestages the cluster name object (pre-2.2): a computer object in the OU, disabled and protected from
     * accidental deletion. NetBIOS names longer than 15 characters are refused.
     */
    @ChangesEstate
    Change prestageClusterNameObject(String computerName, String organizationalUnit);

    /** Gives an account Full Control on a computer object (pre-2.3: the account that creates the cluster). */
    @ChangesEstate
    Change grantFullControlOnComputerObject(String computerName, String account);

    /** Gives a computer "Create/Delete Computer objects" on an OU, this object and all descendants (pre-2.4). */
    @ChangesEstate
    Change grantCreateDeleteComputerObjects(String organizationalUnit, String computerName);

    /** {@code setspn -Q}: the accounts that hold the SPN; empty when none does. */
    List<String> findServicePrincipalName(String spn);

    /** {@code setspn -S}: registers the SPN on the account; refuses an SPN another account already holds. */
    @ChangesEstate
    Change registerServicePrincipalName(String account, String spn);

    /**
     * Trusted for delegation to any service, Kerberos only (pre-2.6, pre-2.7), on a user or computer; also
     * clears "sensitive and cannot be delegated" on a user, which would defeat it.
     */
    @ChangesEstate
    Change trustForDelegationKerberosOnly(String objectName);

    /** Reads a user, computer or OU; {@link DirectoryObject#exists()} is false when there is none. */
    DirectoryObject readObject(String name);
}
