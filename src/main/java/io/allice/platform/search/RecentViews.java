package io.allice.platform.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.allice.platform.auth.UserDeleted;
import io.allice.platform.shared.search.ResourceViewed;
import io.allice.platform.shared.sharing.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records which items, media and files each user opened, for recommendations to leave out. A
 * view costs the request thread one map update: views wait in memory, where repeated views of
 * one record merge into one, and a writer thread stores them in one batch every
 * {@link #FLUSH_INTERVAL}. Reads merge the waiting views with the stored ones, so a record is
 * left out the moment it was opened. Views still waiting when the process dies are lost.
 */
@Component
class RecentViews implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecentViews.class);

    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(2);
    /** Views waiting beyond this many are dropped, so a database outage cannot exhaust memory. */
    static final int MAX_WAITING = 100_000;

    private final RecentViewStore store;
    private final Map<View, Instant> waiting = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private ScheduledExecutorService writer;

    RecentViews(RecentViewStore store) {
        this.store = store;
    }

    @EventListener
    void on(ResourceViewed viewed) {
        if (waiting.size() >= MAX_WAITING) {
            // Counted and reported by the next flush rather than logged per request.
            dropped.incrementAndGet();
            return;
        }
        waiting.merge(new View(viewed.userId(), new RecordKey(viewed.type(), viewed.id())), viewed.viewedAt(),
                (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    @EventListener
    void on(UserDeleted deleted) {
        waiting.keySet().removeIf(view -> view.userId() == deleted.userId());
        int removed = store.deleteOfUser(deleted.userId());
        log.info("Deleted {} recent views of deleted user {}", removed, deleted.userId());
    }

    /** Returns up to {@code max} records the user opened since the given time, stored or still waiting. */
    Map<RecordKey, Instant> viewedSince(long userId, Instant since, int max) {
        Map<RecordKey, Instant> views = store.viewedSince(userId, since, max);
        waiting.forEach((view, viewedAt) -> {
            if (view.userId() == userId && !viewedAt.isBefore(since)) {
                views.merge(view.key(), viewedAt, (stored, pending) -> pending.isAfter(stored) ? pending : stored);
            }
        });
        return views;
    }

    /** Stores the waiting views. A view that changed while it was written stays waiting for the next flush. */
    synchronized void flush() {
        Map<View, Instant> batch = Map.copyOf(waiting);
        long droppedNow = dropped.getAndSet(0);
        if (droppedNow > 0) {
            log.warn("Dropped {} views because {} were already waiting to be stored", droppedNow, MAX_WAITING);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<View> views = new ArrayList<>(batch.size());
        batch.forEach((view, viewedAt) -> views.add(view.at(viewedAt)));
        try {
            store.upsert(views);
            batch.forEach(waiting::remove);
        } catch (RuntimeException e) {
            log.error("Failed to store {} recent views; they stay waiting for the next attempt", views.size(), e);
        }
    }

    @Override
    public synchronized void start() {
        writer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("recent-views-writer").daemon()
                .factory());
        writer.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL.toMillis(), FLUSH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops the writer after the web server stopped taking requests, and stores what is waiting. */
    @Override
    public synchronized void stop() {
        if (writer == null) {
            return;
        }
        writer.shutdown();
        try {
            writer.awaitTermination(FLUSH_INTERVAL.toSeconds() * 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer = null;
        flush();
    }

    @Override
    public synchronized boolean isRunning() {
        return writer != null;
    }

    /** Below the web server's phase, so the writer starts before the first request and stops after the last. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    /**
     * One user's view of one record. As a map key, {@code viewedAt} is left {@code null}; the
     * batch handed to the store carries it.
     */
    record View(long userId, RecordKey key, Instant viewedAt) {

        View(long userId, RecordKey key) {
            this(userId, key, null);
        }

        View at(Instant time) {
            return new View(userId, key, time);
        }

        ResourceType type() {
            return key.type();
        }

        long id() {
            return key.id();
        }
    }
}
