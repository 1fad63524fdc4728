package com.eceops.runbook.security;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is calling the engine, as the engine itself authenticated them (REST Basic, a webapp session). No
 * authentication means the runbook's own code (the job executor, the headless runner), which is trusted.
 */
record CallerIdentity(String userId, List<String> groups, boolean administrator) {

    static CallerIdentity of(ProcessEngineConfigurationImpl engine) {
        Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return null;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        boolean administrator = engine.getAdminUsers() != null && engine.getAdminUsers().contains(authentication.getUserId())
                || engine.getAdminGroups() != null && groups.stream().anyMatch(engine.getAdminGroups()::contains);
        return new CallerIdentity(authentication.getUserId(), groups, administrator);
    }
}
