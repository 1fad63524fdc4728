package com.eceops.runbook.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Runs once the engine is up: administrator, groups, their grants and their Tasklist filters. */
@Component
class SecurityBootstrap {

    private final AdministratorBootstrap administrator;
    private final GroupAuthorizations grants;
    private final TasklistFilters filters;

    SecurityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filterService,
                      TaskService tasks, AdminProperties admin) {
        this.administrator = new AdministratorBootstrap(identity, admin, System.out);
        this.grants = new GroupAuthorizations(identity, authorizations);
        this.filters = new TasklistFilters(filterService, tasks, grants);
    }

    @EventListener(ApplicationReadyEvent.class)
    void secureEngine() {
        administrator.ensureAdministrator();
        grants.ensureGroupsAndGrants();
        filters.ensureFilters();
    }
}
