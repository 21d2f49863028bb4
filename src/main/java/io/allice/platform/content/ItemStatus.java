package io.allice.platform.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The publishing state of an item: being written, visible, or put away. */
enum ItemStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED;

    static final String ALLOWED = "draft, published or archived";

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ItemStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(value)).findFirst();
    }
}
