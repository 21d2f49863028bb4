package io.allice.platform.shared.realtime;

import java.util.function.Consumer;

/**
 * Carries published frames to every instance of the service, which then deliver them to their
 * own connections. In-process by default, through Redis when {@code REDIS_URL} is set.
 */
interface RealtimeTransport {

    void publish(Envelope envelope);

    /** Registers the one receiver of this instance, which delivers envelopes locally. */
    void onReceive(Consumer<Envelope> receiver);

    /**
     * A frame, already serialized, and who gets it: a user (userId) or a topic's subscribers.
     * With {@code revoke}, the user's connections leave the topic and get the frame instead.
     */
    record Envelope(Long userId, String topic, String frame, boolean revoke) {
    }
}
