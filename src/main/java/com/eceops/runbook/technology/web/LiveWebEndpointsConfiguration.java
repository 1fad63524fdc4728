package com.eceops.runbook.technology.web;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One real web endpoint client for the application: its HttpClient keeps a connection pool, so it is built once and
 * shared by every live run rather than per step.
 */
@Configuration(proxyBeanMethods = false)
class LiveWebEndpointsConfiguration {

    @Bean
    HttpWebEndpointOperations liveWebEndpoints() {
        return HttpWebEndpointOperations.withDefaultTrust(Duration.ofSeconds(30));
    }
}
