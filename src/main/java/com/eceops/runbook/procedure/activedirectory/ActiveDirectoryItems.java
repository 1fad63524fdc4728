package com.eceops.runbook.procedure.activedirectory;

import com.eceops.runbook.technology.activedirectory.ActiveDirectoryOperations;
import com.eceops.runbook.technology.activedirectory.DirectoryObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.eceops.runbook.estate.Accounts.Account;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;

/**
 * What pre-2 asks of Active Directory, with the inventory's values, one item per object and right. Each item
 * says in words what to do (the domain administrators' checklist), finds what is missing (the check) and can
 * apply itself through {@link ActiveDirectoryOperations}; {@link #ensure} is check, apply, verify.
 */
public final class ActiveDirectoryItems {

    /** Explicit rights as {@link DirectoryObject.AclGrant#right()} names them. */
    static final String FULL_CONTROL = "FullControl";
    static final String CREATE_DELETE_COMPUTERS = "CreateChild,DeleteChild:Computer";

    /** One thing Active Directory must hold. {@code spn} is set on the listener's SPN items only. */
    public record Item(String step, String instruction, String spn,
                Function<ActiveDirectoryOperations, Optional<String>> missing,
                Function<ActiveDirectoryOperations, Change> apply) {
    }

    private final Estate estate;
    private final List<Item> items = new ArrayList<>();

    private ActiveDirectoryItems(Estate estate) {
        this.estate = estate;
        Account sql = estate.accounts().sqlService();
        Account ece = estate.accounts().eceService();
        for (Account account : List.of(sql, ece)) {
            items.add(new Item("pre-2.1", "Create the user " + account.name() + " (member of Domain Users only) with"
                    + " *Password never expires*", null, ad -> serviceUserMissing(ad.readObject(account.name())),
                    ad -> ad.ensureServiceUser(account.name(), account.credential())));
        }
        String ou = estate.domain().organizationalUnit();
        String cno = estate.cluster().name();
        items.add(new Item("pre-2.2", "Create the organizational unit " + ou, null,
                ad -> ad.readObject(ou).exists() ? Optional.empty() : Optional.of("OU " + ou + " does not exist"),
                ad -> ad.ensureOrganizationalUnit(ou)));
        items.add(new Item("pre-2.2", "In that OU create the computer " + cno + ", tick *Protect object from accidental"
                + " deletion* and *Disable Account*", null, ad -> cnoMissing(ad.readObject(cno), ou),
                ad -> ad.prestageClusterNameObject(cno, ou)));
        String installer = estate.accounts().clusterAdmin().name();
        items.add(new Item("pre-2.3", "On " + cno + " give " + installer + " *Allow Full Control*", null,
                ad -> grantMissing(ad.readObject(cno), installer, FULL_CONTROL),
                ad -> ad.grantFullControlOnComputerObject(cno, installer)));
        items.add(new Item("pre-2.4", "On the OU give the computer " + cno + " *Create Computer objects* and *Delete"
                + " Computer objects*, applying to this object and all descendant objects", null,
                ad -> grantMissing(ad.readObject(ou), cno, CREATE_DELETE_COMPUTERS),
                ad -> ad.grantCreateDeleteComputerObjects(ou, cno)));
        for (String spn : listenerSpns(estate)) {
            items.add(new Item("pre-2.5", "setspn -A " + spn + " " + estate.domain().netbios() + "\\" + sql.name(), spn,
                    ad -> ad.readObject(sql.name()).servicePrincipalNames().stream().anyMatch(spn::equalsIgnoreCase)
                            ? Optional.empty() : Optional.of("SPN " + spn + " is not registered on " + sql.name()),
                    ad -> ad.registerServicePrincipalName(sql.name(), spn)));
        }
        items.add(new Item("pre-2.6", "On " + sql.name() + " clear *Account is sensitive and cannot be delegated* and"
                + " *Do not require Kerberos preauthentication*; on its Delegation tab choose *Trust this user for"
                + " delegation to any service (Kerberos only)*", null,
                ad -> delegationMissing(ad.readObject(sql.name())), ad -> ad.trustForDelegationKerberosOnly(sql.name())));
        for (Server server : estate.collocatedServers()) {
            items.add(new Item("pre-2.7", "On the computer " + server.name() + " choose *Trust this computer for"
                    + " delegation to any service (Kerberos only)*", null,
                    ad -> delegationMissing(ad.readObject(server.name())),
                    ad -> ad.trustForDelegationKerberosOnly(server.name())));
        }
    }

    public static ActiveDirectoryItems of(Estate estate) {
        return new ActiveDirectoryItems(estate);
    }

    public List<Item> all() {
        return List.copyOf(items);
    }

    List<Item> ofStep(String step) {
        return items.stream().filter(i -> i.step().equals(step)).toList();
    }

    /** What is missing, one line per item, in the checklist's order. */
    List<String> missing(ActiveDirectoryOperations ad) {
        return items.stream().flatMap(i -> i.missing().apply(ad).map(m -> i.step() + ": " + m).stream()).toList();
    }

    /** The checklist for the domain administrators, as a Markdown list. */
    String checklist() {
        StringBuilder text = new StringBuilder();
        for (Item item : items) {
            text.append("- **").append(item.step()).append("** ").append(item.instruction()).append('\n');
        }
        return text.toString();
    }

    /** Check, apply what is missing, verify: a present item is left alone; one still missing afterwards fails. */
    List<Change> ensure(List<Item> selected, ActiveDirectoryOperations ad) {
        List<Change> changes = new ArrayList<>();
        for (Item item : selected) {
            if (item.missing().apply(ad).isEmpty()) {
                continue;
            }
            changes.add(item.apply().apply(ad));
            Optional<String> still = item.missing().apply(ad);
            if (still.isPresent()) {
                throw new OperationFailedException(estate.domain().fqdn(), item.step(), "still missing after the change: "
                        + still.get());
            }
        }
        return changes;
    }

    /** The four MSSQLSvc SPNs of the listener: FQDN:port, FQDN:instance, short:port, short:instance. */
    public static List<String> listenerSpns(Estate estate) {
        String shortName = estate.availabilityGroup().listenerName();
        String fqdn = estate.fqdn(shortName);
        String port = String.valueOf(estate.availabilityGroup().listenerPort());
        String instance = estate.sideA().collocated().sqlInstance();
        return List.of("MSSQLSvc/" + fqdn + ":" + port, "MSSQLSvc/" + fqdn + ":" + instance,
                "MSSQLSvc/" + shortName + ":" + port, "MSSQLSvc/" + shortName + ":" + instance);
    }

    private static Optional<String> serviceUserMissing(DirectoryObject user) {
        if (!user.exists() || user.kind() != DirectoryObject.Kind.USER) {
            return Optional.of("user " + user.name() + " does not exist");
        }
        if (!user.enabled()) {
            return Optional.of("user " + user.name() + " is disabled");
        }
        return user.passwordNeverExpires() ? Optional.empty()
                : Optional.of("user " + user.name() + " has a password that expires");
    }

    private static Optional<String> cnoMissing(DirectoryObject cno, String ou) {
        if (!cno.exists() || cno.kind() != DirectoryObject.Kind.COMPUTER) {
            return Optional.of("computer " + cno.name() + " does not exist");
        }
        if (cno.distinguishedName() == null || !cno.distinguishedName().toUpperCase().endsWith("," + ou.toUpperCase())) {
            return Optional.of("computer " + cno.name() + " is not in " + ou + " but at " + cno.distinguishedName());
        }
        // Enabled is accepted: once the cluster is created it takes the object over and enables it.
        return cno.protectedFromAccidentalDeletion() ? Optional.empty()
                : Optional.of("computer " + cno.name() + " is not protected from accidental deletion");
    }

    private static Optional<String> grantMissing(DirectoryObject object, String principal, String right) {
        if (!object.exists()) {
            return Optional.of(object.name() + " does not exist, so " + principal + " cannot hold " + right + " on it");
        }
        return object.grants().stream().anyMatch(g -> g.principal().equalsIgnoreCase(principal) && g.right().equals(right))
                ? Optional.empty() : Optional.of(principal + " does not hold " + right + " on " + object.name());
    }

    private static Optional<String> delegationMissing(DirectoryObject object) {
        if (!object.exists()) {
            return Optional.of(object.name() + " does not exist");
        }
        if (object.sensitiveCannotBeDelegated()) {
            return Optional.of(object.name() + " is sensitive and cannot be delegated");
        }
        return object.trustedForDelegation() ? Optional.empty()
                : Optional.of(object.name() + " is not trusted for delegation (Kerberos only)");
    }
}
