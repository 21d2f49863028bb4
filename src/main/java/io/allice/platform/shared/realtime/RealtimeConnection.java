package io.allice.platform.shared.realtime;

import java.util.Set;

/** One client connected to {@code /ws}, as the areas that handle its frames see it. */
public interface RealtimeConnection {

    /** An id unique among the connections of this instance. */
    String id();

    long userId();

    String username();

    /** Sends one frame to this client only; the object is written as a JSON object. */
    void send(Object frame);

    /** From now on, frames published to the topic reach this client too. */
    void subscribe(String topic);

    void unsubscribe(String topic);

    Set<String> topics();
}
