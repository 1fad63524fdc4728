package com.eceops.runbook.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Creates the runbook's groups and gives each exactly what its work needs, on every start: grants a group
 * should not hold (left by an older version, or added by hand) are taken back, so the policy below is the
 * policy in force.
 *
 * <ul>
 *   <li>operators: start the install processes and their sections, work their tasks, follow runs in Cockpit and
 *   retry failed steps (RETRY_JOB); nothing else on instances;</li>
 *   <li>change managers: register patches (start Schedule a patch) and decide as candidates;</li>
 *   <li>DBAs and domain administrators: their tasks;</li>
 *   <li>managers: read everything, change nothing.</li>
 * </ul>
 * No group but the administrators may modify, suspend or delete instances or write variables (also refused by
 * the engine's command gate). Task access is not granted here: the engine gives candidate groups their own
 * tasks (claim and complete only, {@code defaultUserPermissionNameForTask}).
 */
class GroupAuthorizations {

    /** The processes an operator starts: the installation and each of its sections. */
    static final List<String> INSTALL_PROCESSES = List.of("InstallEceHa", "Preinstallation", "SystemChecks",
            "AddWindowsFeatures", "ActiveDirectory", "DirectoriesAndShares", "Dfs", "FailoverCluster",
            "AvailabilityGroup", "Checkpoint", "InstallEce", "PostInstallation", "ReportsDatabase", "SqlServerJobs",
            "ConfigureWebServers", "FinalNotes");
    /** The process a change manager starts. The patch's own sections run only from an approved registration. */
    static final String PATCH_REGISTRATION = "SchedulePatch";

    /**
     * The resources this class owns for the runbook's groups; others are left alone: filters (TasklistFilters),
     * single tasks, and the group's own entry, which the engine grants its members when it creates the group.
     */
    private static final Set<Resources> MANAGED = EnumSet.of(Resources.APPLICATION, Resources.PROCESS_DEFINITION,
            Resources.PROCESS_INSTANCE, Resources.DEPLOYMENT, Resources.HISTORIC_PROCESS_INSTANCE,
            Resources.HISTORIC_TASK, Resources.OPERATION_LOG_CATEGORY, Resources.BATCH, Resources.DECISION_DEFINITION,
            Resources.AUTHORIZATION, Resources.SYSTEM);

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    GroupAuthorizations(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    /** The policy: every grant each group holds on the managed resources. */
    static List<Grant> policy() {
        List<Grant> policy = new ArrayList<>();
        for (RunbookGroup worker : List.of(RunbookGroup.OPERATORS, RunbookGroup.DBAS, RunbookGroup.DOMAIN_ADMINS,
                RunbookGroup.CHANGE_MANAGERS)) {
            policy.add(new Grant(worker, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            policy.add(new Grant(worker, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
        }

        policy.add(new Grant(RunbookGroup.OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        policy.add(new Grant(RunbookGroup.OPERATORS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                Permissions.READ_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB));
        for (String process : INSTALL_PROCESSES) {
            policy.add(new Grant(RunbookGroup.OPERATORS, Resources.PROCESS_DEFINITION, process, Permissions.CREATE_INSTANCE));
        }
        policy.add(new Grant(RunbookGroup.OPERATORS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE,
                Permissions.READ, ProcessInstancePermissions.RETRY_JOB));
        policy.add(new Grant(RunbookGroup.OPERATORS, Resources.DEPLOYMENT, ANY, Permissions.READ));
        policy.add(new Grant(RunbookGroup.OPERATORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
        policy.add(new Grant(RunbookGroup.OPERATORS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));

        policy.add(new Grant(RunbookGroup.CHANGE_MANAGERS, Resources.PROCESS_DEFINITION, PATCH_REGISTRATION,
                Permissions.CREATE_INSTANCE));
        policy.add(new Grant(RunbookGroup.CHANGE_MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));

        policy.add(new Grant(RunbookGroup.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        policy.add(new Grant(RunbookGroup.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        policy.add(new Grant(RunbookGroup.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_TASK));
        policy.add(new Grant(RunbookGroup.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
        policy.add(new Grant(RunbookGroup.MANAGERS, Resources.TASK, ANY, Permissions.READ));
        policy.add(new Grant(RunbookGroup.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ));
        policy.add(new Grant(RunbookGroup.MANAGERS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
        policy.add(new Grant(RunbookGroup.MANAGERS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
        return policy;
    }

    void ensureGroupsAndGrants() {
        for (RunbookGroup group : RunbookGroup.values()) {
            ensureGroup(group);
        }
        grantAdministratorsEverything();
        List<Grant> policy = policy();
        policy.forEach(this::apply);
        takeBackWhatThePolicyDoesNotGive(policy);
    }

    void grantFilterRead(RunbookGroup group, String filterId) {
        apply(new Grant(group, Resources.FILTER, filterId, Permissions.READ));
    }

    /** One group's permissions on one resource, exactly. */
    record Grant(RunbookGroup group, Resource resource, String resourceId, Permission... permissions) {

        boolean covers(Authorization authorization) {
            return group.id().equals(authorization.getGroupId()) && resource.resourceType() == authorization.getResourceType()
                    && resourceId.equals(authorization.getResourceId());
        }
    }

    private void apply(Grant grant) {
        Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(grant.group().id())
                .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.group().id());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        } else if (((AuthorizationEntity) authorization).getPermissions() == mask(grant.permissions())) {
            return;
        }
        authorization.setPermissions(grant.permissions());
        authorizations.saveAuthorization(authorization);
    }

    private void takeBackWhatThePolicyDoesNotGive(List<Grant> policy) {
        for (RunbookGroup group : RunbookGroup.values()) {
            for (Authorization held : authorizations.createAuthorizationQuery().groupIdIn(group.id()).list()) {
                boolean managed = MANAGED.stream().anyMatch(r -> r.resourceType() == held.getResourceType())
                        || held.getResourceType() == Resources.TASK.resourceType() && ANY.equals(held.getResourceId());
                if (managed && policy.stream().noneMatch(grant -> grant.covers(held))) {
                    authorizations.deleteAuthorization(held.getId());
                }
            }
        }
    }

    private static int mask(Permission[] permissions) {
        int mask = 0;
        for (Permission permission : permissions) {
            mask |= permission.getValue();
        }
        return mask;
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

}
