package io.allice.platform.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

enum NotificationType {
    INFO,
    SUCCESS,
    WARNING,
    ERROR;

    static final String ALLOWED = "info, success, warning or error";

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Warnings and errors are e-mailed whether or not the sender asked for it. */
    boolean alwaysEmailed() {
        return this == WARNING || this == ERROR;
    }

    static Optional<NotificationType> parse(String value) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(value)).findFirst();
    }
}
