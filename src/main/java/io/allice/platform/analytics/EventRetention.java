package io.allice.platform.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.allice.platform.auth.UserDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** Deletes events older than {@code ANALYTICS_RETENTION_DAYS}, and all events of a deleted account. */
@Component
class EventRetention {

    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

    private final EventStore store;
    private final Duration retention;
    private final Clock clock;

    EventRetention(EventStore store, AnalyticsProperties properties, Clock clock) {
        this.store = store;
        this.retention = Duration.ofDays(properties.retentionDays());
        this.clock = clock;
    }

    /** Deletes the events created before the retention period and returns how many went. */
    long deleteExpired() {
        Instant cutoff = clock.instant().minus(retention);
        long deleted = store.deleteCreatedBefore(cutoff);
        if (deleted > 0) {
            log.info("Deleted {} analytics events created before {}", deleted, cutoff);
        }
        return deleted;
    }

    /**
     * Deletes the account's events once its deletion is committed.
     * NOTE: the event of the deleting request itself is queued after this runs, so that one row
     * stays until the retention period ends.
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(UserDeleted event) {
        int deleted = store.deleteOfUser(event.userId());
        log.info("Deleted {} analytics events of deleted user {}", deleted, event.userId());
    }
}
