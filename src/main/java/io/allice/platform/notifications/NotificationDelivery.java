package io.allice.platform.notifications;

import java.util.Map;

import io.allice.platform.shared.realtime.RealtimeHub;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Pushes each stored notification to its user's WebSocket connections and event streams once
 * the transaction that stored it has committed, so a client never receives a notification that was rolled back.
 */
@Component
class NotificationDelivery {

    private final RealtimeHub hub;

    NotificationDelivery(RealtimeHub hub) {
        this.hub = hub;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void deliver(NotificationStored stored) {
        hub.sendToUser(stored.userId(), Map.of("type", "notification", "data", stored.notification()));
    }
}
