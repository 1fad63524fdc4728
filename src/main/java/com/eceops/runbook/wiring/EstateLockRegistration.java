package com.eceops.runbook.wiring;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.eceops.runbook.run.EstateLocks;

/** Adds the estate locks to {@code /engine-rest}, behind the same login as the engine's own resources. */
@Configuration(proxyBeanMethods = false)
class EstateLockRegistration {

    @Bean
    ResourceConfigCustomizer estateLockResource(EstateLocks locks, IdentityService identity) {
        return config -> config.register(new EstateLockResource(locks, identity));
    }
}
