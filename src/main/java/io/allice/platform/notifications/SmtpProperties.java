package io.allice.platform.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outgoing mail, from {@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_USERNAME},
 * {@code SMTP_PASSWORD}, {@code SMTP_FROM} and {@code SMTP_STARTTLS}. Without a host, no
 * e-mail is sent.
 */
@ConfigurationProperties("allice.smtp")
record SmtpProperties(String host, int port, String username, String password, String from, boolean starttls) {

    boolean configured() {
        return host != null && !host.isBlank();
    }

    String sender() {
        if (from != null && !from.isBlank()) {
            return from;
        }
        return username != null && username.contains("@") ? username : "allice@localhost";
    }

    @Override
    public String toString() {
        return "SmtpProperties[host=" + host + ", port=" + port + ", username=" + username + ", password=***]";
    }
}
