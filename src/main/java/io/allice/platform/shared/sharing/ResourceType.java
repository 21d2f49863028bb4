package io.allice.platform.shared.sharing;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of record a user can share, by their wire names. */
public enum ResourceType {
    ITEM("item"),
    MEDIA("media"),
    FILE("file"),
    CHAT_ROOM("chat_room");

    private final String wireName;

    ResourceType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<ResourceType> parse(String value) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(value)).findFirst();
    }
}
