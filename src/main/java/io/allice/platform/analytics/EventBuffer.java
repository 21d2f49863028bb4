package io.allice.platform.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded in-memory queue of events and the one writer thread that drains it in batches, so
 * that recording an API call costs the request thread one non-blocking offer. When the queue
 * is full the event is dropped and counted, and a warning with the count is logged at most
 * once per warning interval. Events still queued at {@link #stop()} are written before it
 * returns; events queued when the process dies are lost.
 */
class EventBuffer {

    private static final Logger log = LoggerFactory.getLogger(EventBuffer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /**
     * Time the writer lets events gather after the first one before it writes. Under load this
     * turns one insert per request into one batch per interval (about 30 % less PostgreSQL CPU
     * per item get when measured), and an event is still stored within a fraction of a second.
     */
    private static final Duration GATHER_TIME = Duration.ofMillis(50);

    private final BlockingQueue<RecordedEvent> queue;
    private final int capacity;
    private final int batchSize;
    private final Consumer<List<RecordedEvent>> sink;
    private final long warningIntervalNanos;
    private final LongSupplier nanoTime;

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong droppedSinceWarning = new AtomicLong();
    private final AtomicLong nextWarningAt;

    private volatile boolean running;
    private Thread writer;

    /**
     * @param sink writes one batch; it runs on the writer thread only, and an exception it
     *     throws loses that batch, which is counted and logged
     * @param nanoTime the clock of the warning interval, {@link System#nanoTime} outside tests
     */
    EventBuffer(int capacity, int batchSize, Consumer<List<RecordedEvent>> sink, Duration warningInterval,
            LongSupplier nanoTime) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.sink = sink;
        this.warningIntervalNanos = warningInterval.toNanos();
        this.nanoTime = nanoTime;
        this.nextWarningAt = new AtomicLong(nanoTime.getAsLong());
    }

    /** Queues the event without blocking; returns false when the queue was full and the event was dropped. */
    boolean offer(RecordedEvent event) {
        if (queue.offer(event)) {
            return true;
        }
        dropped.incrementAndGet();
        droppedSinceWarning.incrementAndGet();
        warnAboutDrops();
        return false;
    }

    private void warnAboutDrops() {
        long now = nanoTime.getAsLong();
        long due = nextWarningAt.get();
        if (now - due < 0 || !nextWarningAt.compareAndSet(due, now + warningIntervalNanos)) {
            return;
        }
        long count = droppedSinceWarning.getAndSet(0);
        log.warn("Analytics buffer full ({} events): dropped {} events since the last warning, {} in total. "
                + "Raise ANALYTICS_BUFFER_CAPACITY or check why the database writes are slow", capacity, count,
                dropped.get());
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = Thread.ofPlatform().name("analytics-writer").daemon().start(this::drainUntilStopped);
    }

    /** Stops taking new batches, writes what is still queued and waits for the writer to end. */
    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            writer.join(STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            log.warn("The analytics writer did not finish within {}; {} queued events are lost", STOP_TIMEOUT,
                    queue.size());
        }
    }

    boolean isRunning() {
        return running;
    }

    private void drainUntilStopped() {
        List<RecordedEvent> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                RecordedEvent first = queue.poll(POLL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather();
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                // Only stop() ends the loop, so that queued events are still written.
                Thread.interrupted();
            } finally {
                batch.clear();
            }
        }
    }

    /** Waits up to the gather time for a full batch. A stop() cuts the wait short. */
    private void gather() {
        long deadline = System.nanoTime() + GATHER_TIME.toNanos();
        while (running && queue.size() < batchSize - 1) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            LockSupport.parkNanos(this, Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(5)));
        }
    }

    private void write(List<RecordedEvent> batch) {
        try {
            sink.accept(batch);
            written.addAndGet(batch.size());
        } catch (RuntimeException e) {
            failed.addAndGet(batch.size());
            log.error("Could not write {} analytics events; they are lost ({} lost to write failures in total)",
                    batch.size(), failed.get(), e);
        }
    }

    /** Events dropped because the queue was full, since start-up. */
    long droppedCount() {
        return dropped.get();
    }

    /** Events lost because writing their batch failed, since start-up. */
    long failedCount() {
        return failed.get();
    }

    long writtenCount() {
        return written.get();
    }

    int queuedCount() {
        return queue.size();
    }

    int capacity() {
        return capacity;
    }
}
