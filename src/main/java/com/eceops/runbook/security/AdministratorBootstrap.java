package com.eceops.runbook.security;

import java.io.PrintStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the administrator exists. A configured password is applied on every start, so rotating it is a
 * restart; without one, the first start generates a password and prints it once to the console, never to
 * the log, and later starts leave the account alone. Every start also unlocks the administrator: an account
 * that Camunda's own lock-out locked (before the runbook turned it off, see {@code loginMaxAttempts} in
 * application.yaml) comes back with a restart.
 */
class AdministratorBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final IdentityService identity;
    private final AdminProperties admin;
    private final PrintStream console;

    AdministratorBootstrap(IdentityService identity, AdminProperties admin, PrintStream console) {
        this.identity = identity;
        this.admin = admin;
        this.console = console;
    }

    void ensureAdministrator() {
        User user = identity.createUserQuery().userId(admin.user()).singleResult();
        if (user == null) {
            user = identity.newUser(admin.user());
            user.setFirstName("Runbook");
            user.setLastName("Administrator");
            String password = admin.hasPassword() ? admin.password() : GeneratedPassword.next();
            user.setPassword(password);
            identity.saveUser(user);
            if (!admin.hasPassword()) {
                announceOnce(password);
            }
            LOG.info("Created administrator '{}'", admin.user());
        } else {
            unlock(user);
            if (admin.hasPassword() && !identity.checkPassword(admin.user(), admin.password())) {
                // The failed check counted against the account (and changed its revision): unlock, read it again.
                identity.unlockUser(admin.user());
                user = identity.createUserQuery().userId(admin.user()).singleResult();
                user.setPassword(admin.password());
                identity.saveUser(user);
                LOG.info("Applied the configured password of administrator '{}'", admin.user());
            }
        }
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult() == null) {
            var group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Runbook administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(admin.user()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(admin.user(), Groups.CAMUNDA_ADMIN);
        }
    }

    private void unlock(User user) {
        if (user instanceof UserEntity entity && (entity.getAttempts() > 0 || entity.getLockExpirationTime() != null)) {
            LOG.info("Unlocked administrator '{}' ({} failed logins were recorded against it)", admin.user(),
                    entity.getAttempts());
        }
        identity.unlockUser(admin.user());
    }

    private void announceOnce(String password) {
        // Straight to the console: log files are shipped and kept, this password must not be.
        console.println();
        console.println("==================================================================");
        console.println(" First start: administrator '" + admin.user() + "' was created with password");
        console.println("   " + password);
        console.println(" It is shown this once. Set RUNBOOK_ADMIN_PASSWORD to choose your own.");
        console.println("==================================================================");
        console.println();
        console.flush();
    }
}
