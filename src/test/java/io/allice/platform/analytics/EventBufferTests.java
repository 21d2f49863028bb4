package io.allice.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EventBufferTests {

    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    final Queue<RecordedEvent> written = new ConcurrentLinkedQueue<>();
    final Queue<Integer> batchSizes = new ConcurrentLinkedQueue<>();
    final AtomicLong nanos = new AtomicLong(1_000);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger bufferLogger = (Logger) LoggerFactory.getLogger(EventBuffer.class);

    EventBuffer buffer;

    @BeforeEach
    void captureLogs() {
        logs.start();
        bufferLogger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        bufferLogger.detachAppender(logs);
        if (buffer != null) {
            buffer.stop();
        }
    }

    EventBuffer buffer(int capacity, int batchSize) {
        buffer = new EventBuffer(capacity, batchSize, batch -> {
            batchSizes.add(batch.size());
            written.addAll(batch);
        }, WARNING_INTERVAL, nanos::get);
        return buffer;
    }

    static RecordedEvent anEvent(int number) {
        return RecordedEvent.apiCall((long) number, "GET", "/api/items", 200, number, null, Instant.EPOCH);
    }

    List<ILoggingEvent> warnings() {
        return logs.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
    }

    @Test
    void dropsAndCountsEventsPastCapacity() {
        EventBuffer buffer = buffer(5, 100);

        List<Boolean> accepted = IntStream.range(0, 8).mapToObj(i -> buffer.offer(anEvent(i))).toList();

        assertThat(accepted).containsExactly(true, true, true, true, true, false, false, false);
        assertThat(buffer.droppedCount()).isEqualTo(3);
        assertThat(buffer.queuedCount()).isEqualTo(5);
    }

    @Test
    void writesQueuedEventsOnceStarted() {
        EventBuffer buffer = buffer(5, 100);
        IntStream.range(0, 8).forEach(i -> buffer.offer(anEvent(i)));

        buffer.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> written.size() == 5);
        assertThat(written).extracting(RecordedEvent::userId).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(buffer.writtenCount()).isEqualTo(5);
    }

    @Test
    void warnsOncePerIntervalWithDroppedCount() {
        EventBuffer buffer = buffer(1, 100);
        buffer.offer(anEvent(0));

        buffer.offer(anEvent(1));
        buffer.offer(anEvent(2));
        buffer.offer(anEvent(3));
        nanos.addAndGet(WARNING_INTERVAL.toNanos());
        buffer.offer(anEvent(4));

        assertThat(warnings()).hasSize(2);
        assertThat(warnings().get(0).getFormattedMessage()).contains("dropped 1 events since the last warning, 1 in total");
        assertThat(warnings().get(1).getFormattedMessage()).contains("dropped 3 events since the last warning, 4 in total");
    }

    @Test
    void losesNoEventWithinCapacityUnderConcurrentOffers() throws Exception {
        EventBuffer buffer = buffer(2_000, 50);
        buffer.start();

        try (ExecutorService producers = Executors.newFixedThreadPool(8)) {
            IntStream.range(0, 2_000).forEach(i -> producers.submit(() -> buffer.offer(anEvent(i))));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> written.size() == 2_000);
        assertThat(buffer.droppedCount()).isZero();
        assertThat(written).extracting(RecordedEvent::userId).doesNotHaveDuplicates();
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 50));
    }

    @Test
    void gathersTrickleIntoOneBatch() throws InterruptedException {
        EventBuffer buffer = buffer(100, 100);
        buffer.start();

        for (int i = 0; i < 5; i++) {
            buffer.offer(anEvent(i));
            Thread.sleep(2);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> written.size() == 5);
        assertThat(batchSizes).hasSizeLessThan(3);
    }

    @Test
    void writesRemainingEventsOnStop() {
        EventBuffer buffer = buffer(100, 10);
        buffer.start();
        IntStream.range(0, 35).forEach(i -> buffer.offer(anEvent(i)));

        buffer.stop();

        assertThat(written).hasSize(35);
        assertThat(buffer.isRunning()).isFalse();
    }

    @Test
    void countsBatchLostToFailedWrite() {
        buffer = new EventBuffer(10, 10, batch -> {
            throw new IllegalStateException("database down");
        }, WARNING_INTERVAL, nanos::get);
        buffer.offer(anEvent(1));
        buffer.offer(anEvent(2));

        buffer.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> buffer.failedCount() == 2);
        assertThat(buffer.writtenCount()).isZero();
        assertThat(logs.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("Could not write 2 analytics events");
        });
    }
}
