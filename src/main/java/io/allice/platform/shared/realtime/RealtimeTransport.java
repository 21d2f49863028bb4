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
     * What to do on every instance: send a frame, already serialized, to a user or to a topic's
     * subscribers; take a user's connections off a topic; or close the connections of a token
     * or of a user.
     */
    record Envelope(Kind kind, Long userId, String topic, String tokenId, String frame) {

        enum Kind {
            TO_USER,
            TO_TOPIC,
            REVOKE_TOPIC,
            CLOSE
        }
    }
}
