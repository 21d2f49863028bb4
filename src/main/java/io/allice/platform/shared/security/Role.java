package io.allice.platform.shared.security;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a user may do: every account is a {@code user}; {@code admin} may also administer. */
public enum Role {
    USER,
    ADMIN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Role fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
