package io.allice.platform.shared.sharing;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The access a share grants: {@code view} reads the record, {@code edit} also changes it. */
public enum SharePermission {
    VIEW,
    EDIT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean allowsEdit() {
        return this == EDIT;
    }

    public static Optional<SharePermission> parse(String value) {
        for (SharePermission permission : values()) {
            if (permission.wireName().equals(value)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }
}
