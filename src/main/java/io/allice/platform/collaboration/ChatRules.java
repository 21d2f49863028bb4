package io.allice.platform.collaboration;

import java.util.Set;

/** Limits on chat input, shared by the REST endpoints and the WebSocket frames. */
final class ChatRules {

    static final String ROOM_ID_PATTERN = "^[A-Za-z0-9_.-]{1,100}$";
    static final String ROOM_ID_MESSAGE = "must be 1 to 100 letters, digits, '_', '.' or '-'";
    /** Taken by {@code GET /api/chat/rooms}, so no room can be read under this name. */
    static final String RESERVED_ROOM_ID = "rooms";
    static final int MAX_MESSAGE_LENGTH = 5000;
    static final Set<String> CLIENT_MESSAGE_TYPES = Set.of("text", "file", "image");
    static final String SYSTEM_MESSAGE_TYPE = "system";
    static final int MAX_PAGE_SIZE = 200;

    private ChatRules() {
    }
}
