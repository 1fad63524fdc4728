package com.eceops.runbook.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda's REST resources report any engine exception during a start as 500 "Cannot instantiate process
 * definition". A refused run is the caller's mistake, not the server's: for the start and start-form
 * requests, a 500 that carries the {@link RunRefusedException#MARKER} becomes a 400 with the same body.
 */
@Configuration(proxyBeanMethods = false)
class RunRefusalStatus {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> runRefusalStatusFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI();
                return !"POST".equals(request.getMethod()) || !(path.endsWith("/start") || path.endsWith("/submit-form"));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var buffered = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, buffered);
                if (buffered.getStatus() == 500 && new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8)
                        .contains(RunRefusedException.MARKER)) {
                    buffered.setStatus(400);
                }
                buffered.copyBodyToResponse();
            }
        });
        registration.setName("runbook-run-refusal-status");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(102);
        return registration;
    }
}
