package io.allice.platform.shared.realtime;

import java.util.function.Consumer;

import io.allice.platform.shared.redis.ConditionalOnNoRedisUrl;
import org.springframework.stereotype.Component;

/** Delivers frames on this instance only, for single-instance deployments. */
@Component
@ConditionalOnNoRedisUrl
class LocalRealtimeTransport implements RealtimeTransport {

    private volatile Consumer<Envelope> receiver = envelope -> { };

    @Override
    public void publish(Envelope envelope) {
        receiver.accept(envelope);
    }

    @Override
    public void onReceive(Consumer<Envelope> receiver) {
        this.receiver = receiver;
    }
}
