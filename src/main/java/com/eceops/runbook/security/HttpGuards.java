package com.eceops.runbook.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters in front of the REST API ({@code /engine-rest/*}) and the web applications' API
 * ({@code /camunda/api/*}), before Camunda's own: first the request size limit, then the login throttle. Both
 * answer their refusals themselves (413, 429, one line of JSON), without an exception.
 */
@Configuration(proxyBeanMethods = false)
class HttpGuards {

    /** After Spring's character encoding filter, before its form content filter and every Camunda filter. */
    static final int SIZE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    static final int LOGIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    LoginThrottle loginThrottle(LoginProperties properties) {
        return new LoginThrottle(properties);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(HttpLimitProperties limits) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits.maxRequestBytes().toBytes()));
        registration.setName("runbook-request-size-limit");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(SIZE_LIMIT_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<LoginAttemptFilter> loginAttemptFilter(LoginThrottle throttle) {
        var registration = new FilterRegistrationBean<>(new LoginAttemptFilter(throttle));
        registration.setName("runbook-login-attempts");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(LOGIN_ORDER);
        return registration;
    }
}
