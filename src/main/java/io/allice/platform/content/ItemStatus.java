package io.allice.platform.content;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The publishing state of an item: being written, visible, or put away. */
enum ItemStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED;

    static final String ALLOWED = "draft, published or archived";

    private static final ItemStatus[] ALL = values();

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    String wireName() {
        return wireName;
    }

    static Optional<ItemStatus> parse(String value) {
        // Runs for every row read, so a plain loop rather than a stream.
        for (ItemStatus status : ALL) {
            if (status.wireName.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
