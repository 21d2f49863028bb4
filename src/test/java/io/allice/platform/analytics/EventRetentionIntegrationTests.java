package io.allice.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class EventRetentionIntegrationTests {

    @Autowired
    EventRetention retention;

    @Autowired
    EventStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void retentionJobIsScheduled() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from scheduled_tasks where task_name = 'analytics-retention'")
                .query(Long.class).single() == 1);
    }

    @Test
    void deletesEventsOlderThanRetentionPeriod() {
        long userId = ThreadLocalRandom.current().nextLong(1L << 42, 1L << 43);
        Instant now = Instant.now();
        store.insert(List.of(
                RecordedEvent.apiCall(userId, "GET", "/api/items", 200, 5, null, now.minus(Duration.ofDays(91))),
                RecordedEvent.apiCall(userId, "GET", "/api/items", 200, 5, null, now.minus(Duration.ofDays(89)))));

        retention.deleteExpired();

        List<Instant> left = jdbc.sql("select created_at from analytics_events where user_id = ?").param(userId)
                .query((row, number) -> row.getObject(1, java.time.OffsetDateTime.class).toInstant()).list();
        assertThat(left).hasSize(1);
        assertThat(left.getFirst()).isAfter(now.minus(Duration.ofDays(90)));
    }
}
