package com.eceops.runbook.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator, from {@code RUNBOOK_ADMIN_USER} and {@code RUNBOOK_ADMIN_PASSWORD}. Without a password
 * the first start generates one.
 */
@ConfigurationProperties("runbook.admin")
public record AdminProperties(String user, String password) {

    public AdminProperties {
        user = (user == null || user.isBlank()) ? "admin" : user.trim();
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    @Override
    public String toString() {
        return "AdminProperties[user=" + user + ", password=" + (hasPassword() ? "******" : "<generate>") + "]";
    }
}
