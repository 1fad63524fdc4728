package com.eceops.runbook.security;

import java.io.IOException;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The engine's REST API is open by default. Every call must authenticate with HTTP Basic against the
 * engine's users, {@code /engine-rest/engine} (the list of engines, which Camunda leaves open) included; only
 * {@code /actuator/health} stays anonymous. Failed Basic logins are slowed by {@link LoginAttemptFilter}, which
 * runs before this filter and learns from {@link #AUTHENTICATED} that a call authenticated.
 */
@Configuration(proxyBeanMethods = false)
class RestApiAuthentication {

    /** Request attribute set once the REST filter has authenticated the call (HTTP Basic succeeded). */
    static final String AUTHENTICATED = RestApiAuthentication.class.getName() + ".authenticated";

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthenticationFilter() {
        var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(new EveryPathAuthenticationFilter());
        registration.setName("runbook-rest-api-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(101);
        return registration;
    }

    /** Camunda's filter without its exemption of {@code /engine}, marking the calls it let through. */
    static final class EveryPathAuthenticationFilter extends ProcessEngineAuthenticationFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            // Camunda calls the chain only for a call it authenticated (nothing is exempt any more).
            super.doFilter(request, response, (authenticated, answer) -> {
                authenticated.setAttribute(AUTHENTICATED, Boolean.TRUE);
                chain.doFilter(authenticated, answer);
            });
        }

        @Override
        protected boolean requiresEngineAuthentication(String requestUrl) {
            return true;
        }

        @Override
        protected String extractEngineName(String requestUrl) {
            // "/engine/" names no engine: it is the list of engines, asked of the default engine's users.
            String name = super.extractEngineName(requestUrl);
            return name == null || name.isEmpty() ? DEFAULT_ENGINE_NAME : name;
        }
    }
}
