package io.allice.platform.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The administrator to create at start-up, from {@code ADMIN_USERNAME}, {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD}. */
@ConfigurationProperties("allice.admin")
record AdminAccountProperties(String username, String email, String password) {

    boolean anySet() {
        return !isBlank(username) || !isBlank(email) || !isBlank(password);
    }

    boolean allSet() {
        return !isBlank(username) && !isBlank(email) && !isBlank(password);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "AdminAccountProperties[username=" + username + ", email=" + email + ", password=***]";
    }
}
