package com.eceops.runbook.security;

import java.util.Map;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.ServletRegistration;

/**
 * Puts {@link RefusalMappers} into both JAX-RS applications. {@code /engine-rest} is Spring Boot's Jersey
 * application; the webapps' engine API is a servlet Camunda registers by name, which Jersey configures from its
 * init parameters. Whichever initializer runs first, the servlet ends up registered once, with the mappers.
 */
@Configuration(proxyBeanMethods = false)
class RefusalMappersRegistration {

    private static final String WEBAPP_ENGINE_API = "Engine Api";
    private static final String PROVIDERS = RefusalMappers.ForRestExceptions.class.getName() + ","
            + RefusalMappers.ForEngineExceptions.class.getName();

    @Bean
    ResourceConfigCustomizer refusalMappersForEngineRest() {
        return config -> config.register(RefusalMappers.ForRestExceptions.class)
                .register(RefusalMappers.ForEngineExceptions.class);
    }

    @Bean
    ServletContextInitializer refusalMappersForWebappEngineApi(CamundaBpmProperties camunda) {
        return context -> {
            ServletRegistration engineApi = context.getServletRegistration(WEBAPP_ENGINE_API);
            if (engineApi == null) {
                engineApi = context.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
                engineApi.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
                engineApi.setInitParameters(Map.of("jakarta.ws.rs.Application", EngineRestApplication.class.getName()));
            }
            engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, PROVIDERS);
        };
    }
}
