package com.eceops.runbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunbookApplicationTest;

/** An administrator locked by Camunda's own lock-out (before the runbook turned it off) is unlocked on start. */
class AdministratorUnlockTest extends RunbookApplicationTest {

    private static final String USER = "lockedadmin";

    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;

    @AfterEach
    void removeUser() {
        identity.deleteUser(USER);
    }

    @Test
    void aLockedAdministratorIsUnlockedOnStart() {
        createLocked("the-password");
        assertThat(identity.checkPassword(USER, "the-password")).as("locked").isFalse();

        start(new AdminProperties(USER, "the-password"));

        assertThat(identity.checkPassword(USER, "the-password")).isTrue();
    }

    @Test
    void aLockedAdministratorGetsTheNewlyConfiguredPassword() {
        createLocked("the-old-password");

        start(new AdminProperties(USER, "the-new-password"));

        assertThat(identity.checkPassword(USER, "the-new-password")).isTrue();
        assertThat(identity.checkPassword(USER, "the-old-password")).isFalse();
    }

    @Test
    void camundasOwnLockOutNeverHolds() {
        createLocked("the-password");
        identity.unlockUser(USER);
        for (int i = 0; i < 15; i++) {
            assertThat(identity.checkPassword(USER, "wrong-" + i)).isFalse();
        }
        assertThat(identity.checkPassword(USER, "the-password")).isTrue();
    }

    private void start(AdminProperties admin) {
        new AdministratorBootstrap(identity, admin, new PrintStream(OutputStream.nullOutputStream()))
                .ensureAdministrator();
    }

    /** As an older version could leave it: ten failures recorded and a lock that holds for a year. */
    private void createLocked(String password) {
        var user = identity.newUser(USER);
        user.setPassword(password);
        identity.saveUser(user);
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    UserEntity entity = context.getDbEntityManager().selectById(UserEntity.class, USER);
                    context.getIdentityInfoManager().updateUserLock(entity, 10,
                            new Date(System.currentTimeMillis() + 365L * 24 * 3600 * 1000));
                    return null;
                });
    }
}
