package com.eceops.runbook.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Creates the runbook's groups and gives each what its job needs and no more. Task access is not granted
 * here: the engine gives candidate groups their own tasks (claim and complete only, see
 * {@code defaultUserPermissionNameForTask}), so an operator never sees a DBA's task.
 */
class GroupAuthorizations {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    GroupAuthorizations(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    void ensureGroupsAndGrants() {
        for (RunbookGroup group : RunbookGroup.values()) {
            ensureGroup(group);
        }
        grantAdministratorsEverything();

        // The people who carry out tasks: Tasklist, the definitions (names, forms) and their own history.
        for (RunbookGroup worker : new RunbookGroup[] {RunbookGroup.OPERATORS, RunbookGroup.DBAS,
                RunbookGroup.DOMAIN_ADMINS, RunbookGroup.CHANGE_MANAGERS}) {
            grant(worker, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(worker, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }

        // Operators start runs and register patches, follow them in Cockpit and retry failed steps there.
        grant(RunbookGroup.OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(RunbookGroup.OPERATORS, Resources.PROCESS_DEFINITION, ANY, Permissions.CREATE_INSTANCE,
                Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE, Permissions.READ_HISTORY);
        grant(RunbookGroup.OPERATORS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.READ,
                Permissions.UPDATE);
        grant(RunbookGroup.OPERATORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(RunbookGroup.OPERATORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);

        // Change managers register patches (start the patch process) and approve windows as candidates.
        grant(RunbookGroup.CHANGE_MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.CREATE_INSTANCE);
        grant(RunbookGroup.CHANGE_MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

        // Managers see everything in Cockpit and can change nothing: read permissions only, no task work.
        grant(RunbookGroup.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(RunbookGroup.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(RunbookGroup.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
        grant(RunbookGroup.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(RunbookGroup.MANAGERS, Resources.TASK, ANY, Permissions.READ);
        grant(RunbookGroup.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(RunbookGroup.MANAGERS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grant(RunbookGroup.MANAGERS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    }

    void grantFilterRead(RunbookGroup group, String filterId) {
        grant(group, Resources.FILTER, filterId, Permissions.READ);
    }

    private void ensureGroup(RunbookGroup group) {
        if (identity.createGroupQuery().groupId(group.id()).singleResult() == null) {
            var created = identity.newGroup(group.id());
            created.setName(group.displayName());
            created.setType("WORKFLOW");
            identity.saveGroup(created);
        }
    }

    private void grantAdministratorsEverything() {
        for (Resource resource : Resources.values()) {
            Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
                    .resourceType(resource).resourceId(ANY).singleResult();
            if (existing == null) {
                Authorization all = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                all.setGroupId(Groups.CAMUNDA_ADMIN);
                all.setResource(resource);
                all.setResourceId(ANY);
                all.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(all);
            }
        }
    }

    private void grant(RunbookGroup group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(group.id())
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group.id());
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        Authorization target = authorization;
        boolean changed = target.getId() == null
                || Arrays.stream(permissions).anyMatch(p -> !target.isPermissionGranted(p));
        if (changed) {
            Arrays.stream(permissions).forEach(target::addPermission);
            authorizations.saveAuthorization(target);
        }
    }
}
