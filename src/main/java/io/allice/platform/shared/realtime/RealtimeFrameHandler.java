package io.allice.platform.shared.realtime;

import tools.jackson.databind.JsonNode;

/**
 * Handles client frames of some types, for the area that owns them (chat handles
 * {@code subscribe}, {@code send} and {@code typing} for rooms). The kernel answers
 * {@code ping} itself and rejects frames no handler supports.
 */
public interface RealtimeFrameHandler {

    boolean supports(String type);

    /**
     * Handles one frame. Throwing {@link RealtimeFrameRejectedException} sends the client an
     * error frame with its message and keeps the connection open.
     */
    void handle(RealtimeConnection connection, JsonNode frame);

    /** Called after a connection closed, with the topics it was subscribed to. */
    default void connectionClosed(RealtimeConnection connection, java.util.Set<String> topics) {
    }
}
