package io.allice.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.allice.platform.analytics.AnalyticsQueries.Scope;
import io.allice.platform.analytics.AnalyticsViews.EndpointErrors;
import io.allice.platform.analytics.AnalyticsViews.EndpointPerformance;
import io.allice.platform.analytics.AnalyticsViews.TimeBucket;
import io.allice.platform.analytics.AnalyticsViews.Usage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The aggregate queries and the store, run against one database by each subclass. Every test
 * writes its events into a day of 2001 of its own and queries only that day, so the tests
 * share a schema with the rest of the suite without seeing other rows.
 */
abstract class AnalyticsQueriesContract {

    private static final Instant EPOCH_OF_TESTS = Instant.parse("2001-01-01T00:00:00Z");
    private static final AtomicLong NEXT_DAY = new AtomicLong();
    private static final AtomicLong NEXT_USER = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41));

    EventStore store;
    AnalyticsQueries queries;
    JdbcClient jdbc;
    Instant day;

    abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
        store = new EventStore(dataSource(), JsonMapper.builder().build());
        queries = new AnalyticsQueries(dataSource());
        jdbc = JdbcClient.create(dataSource());
        day = EPOCH_OF_TESTS.plus(Duration.ofDays(NEXT_DAY.getAndIncrement() * 2));
    }

    static long aUserId() {
        return NEXT_USER.incrementAndGet();
    }

    Instant at(String time) {
        return day.plus(Duration.between(Instant.parse("2001-01-01T00:00:00Z"), Instant.parse("2001-01-01T" + time + "Z")));
    }

    Scope wholeDay(Long userId) {
        return new Scope(userId, day, day.plus(Duration.ofDays(1)).minusNanos(1000));
    }

    static RecordedEvent call(long userId, String method, String endpoint, int status, long durationMs, String detail,
            Instant at) {
        return RecordedEvent.apiCall(userId, method, endpoint, status, durationMs, detail, at);
    }

    @Test
    void usageCountsOwnEventsInPeriod() {
        long alice = aUserId();
        long bob = aUserId();
        store.insert(List.of(
                call(alice, "GET", "/api/items", 200, 10, null, at("01:00:00")),
                call(alice, "GET", "/api/items/{item_id}", 200, 20, null, at("02:00:00")),
                call(alice, "GET", "/api/items/{item_id}", 404, 60, "Item 7 not found", at("03:00:00")),
                RecordedEvent.reported(alice, "page_view", "/pricing", Map.of("referrer", "mail"), at("04:00:00")),
                RecordedEvent.reported(alice, "page_view", "/home", null, at("05:00:00")),
                RecordedEvent.reported(alice, "signup_clicked", null, Map.of(), at("06:00:00")),
                call(bob, "POST", "/api/items", 201, 100, null, at("07:00:00")),
                call(alice, "GET", "/api/items", 200, 999, null, day.minusSeconds(1))));

        Usage usage = queries.usage(wholeDay(alice));

        assertThat(usage.totalEvents()).isEqualTo(6);
        assertThat(usage.apiCalls()).isEqualTo(3);
        assertThat(usage.pageViews()).isEqualTo(2);
        assertThat(usage.errors()).isEqualTo(1);
        assertThat(usage.avgResponseTime()).isEqualTo(30.0);
    }

    @Test
    void usageOfEveryoneIncludesAllUsers() {
        long alice = aUserId();
        long bob = aUserId();
        store.insert(List.of(
                call(alice, "GET", "/api/items", 200, 10, null, at("01:00:00")),
                call(bob, "GET", "/api/items", 500, 30, "An unexpected error occurred", at("02:00:00"))));

        Usage usage = queries.usage(wholeDay(null));

        assertThat(usage.totalEvents()).isEqualTo(2);
        assertThat(usage.apiCalls()).isEqualTo(2);
        assertThat(usage.errors()).isEqualTo(1);
        assertThat(usage.avgResponseTime()).isEqualTo(20.0);
    }

    @Test
    void usageWithoutEventsHasNoAverage() {
        Usage usage = queries.usage(wholeDay(aUserId()));

        assertThat(usage.totalEvents()).isZero();
        assertThat(usage.apiCalls()).isZero();
        assertThat(usage.avgResponseTime()).isNull();
    }

    @Test
    void errorsGroupByEndpointWithLatestDetail() {
        long alice = aUserId();
        store.insert(List.of(
                call(alice, "GET", "/api/items/{item_id}", 404, 5, "Item 1 not found", at("01:00:00")),
                call(alice, "GET", "/api/items/{item_id}", 404, 5, "Item 2 not found", at("03:00:00")),
                call(alice, "GET", "/api/items/{item_id}", 200, 5, null, at("04:00:00")),
                call(alice, "POST", "/api/items", 400, 5, "title: is required", at("02:00:00")),
                call(aUserId(), "DELETE", "/api/items/{item_id}", 404, 5, "Item 3 not found", at("02:00:00"))));

        List<EndpointErrors> errors = queries.errors(wholeDay(alice), 10);

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).method()).isEqualTo("GET");
        assertThat(errors.get(0).endpoint()).isEqualTo("/api/items/{item_id}");
        assertThat(errors.get(0).errorCount()).isEqualTo(2);
        assertThat(errors.get(0).lastError()).isEqualTo("Item 2 not found");
        assertThat(errors.get(0).lastOccurred()).isEqualTo(at("03:00:00"));
        assertThat(errors.get(1).endpoint()).isEqualTo("/api/items");
        assertThat(errors.get(1).errorCount()).isEqualTo(1);
        assertThat(errors.get(1).lastError()).isEqualTo("title: is required");
    }

    @Test
    void errorsStopAtLimit() {
        long alice = aUserId();
        store.insert(List.of(
                call(alice, "GET", "/api/a", 404, 5, "a", at("01:00:00")),
                call(alice, "GET", "/api/a", 404, 5, "a", at("01:00:01")),
                call(alice, "GET", "/api/b", 404, 5, "b", at("01:00:02"))));

        List<EndpointErrors> errors = queries.errors(wholeDay(alice), 1);

        assertThat(errors).extracting(EndpointErrors::endpoint).containsExactly("/api/a");
    }

    @Test
    void performanceReportsAverageExtremesAndP95() {
        long alice = aUserId();
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            events.add(call(alice, "GET", "/api/items", 200, i * 10L, null, at("01:00:0" + (i - 1))));
        }
        events.add(call(alice, "POST", "/api/slow", 201, 500, null, at("02:00:00")));
        store.insert(events);

        List<EndpointPerformance> performance = queries.performance(wholeDay(alice), 10);

        assertThat(performance).extracting(EndpointPerformance::endpoint).containsExactly("/api/slow", "/api/items");
        EndpointPerformance items = performance.get(1);
        assertThat(items.method()).isEqualTo("GET");
        assertThat(items.totalCalls()).isEqualTo(10);
        assertThat(items.avgResponseTime()).isEqualTo(55.0);
        assertThat(items.minResponseTime()).isEqualTo(10);
        assertThat(items.maxResponseTime()).isEqualTo(100);
        // Linear interpolation between the 9th and 10th value: 90 + 0.55 * (100 - 90).
        assertThat(items.p95ResponseTime()).isEqualTo(95.5);
        assertThat(performance.get(0).p95ResponseTime()).isEqualTo(500.0);
    }

    @Test
    void performanceIgnoresClientEvents() {
        long alice = aUserId();
        store.insert(List.of(
                call(alice, "GET", "/api/items", 200, 40, null, at("01:00:00")),
                RecordedEvent.reported(alice, "page_view", "/api/items", null, at("01:00:00"))));

        List<EndpointPerformance> performance = queries.performance(wholeDay(alice), 10);

        assertThat(performance).hasSize(1);
        assertThat(performance.getFirst().totalCalls()).isEqualTo(1);
    }

    @Test
    void timeSeriesCountsPerUtcHourAndDay() {
        long alice = aUserId();
        store.insert(List.of(
                call(alice, "GET", "/api/items", 200, 10, null, at("10:15:00")),
                call(alice, "GET", "/api/items", 404, 30, "x", at("10:45:00")),
                call(alice, "GET", "/api/items", 200, 50, null, at("12:05:00")),
                RecordedEvent.reported(alice, "page_view", "/", null, at("11:00:00"))));

        List<TimeBucket> hours = queries.timeSeries(wholeDay(alice), Bucket.HOUR);
        List<TimeBucket> days = queries.timeSeries(wholeDay(alice), Bucket.DAY);

        assertThat(hours).containsExactly(
                new TimeBucket(at("10:00:00"), 2, 1, 20.0),
                new TimeBucket(at("12:00:00"), 1, 0, 50.0));
        assertThat(days).containsExactly(new TimeBucket(day, 3, 1, 30.0));
    }

    @Test
    void storesClientPropertiesAsJsonObject() {
        long alice = aUserId();
        store.insert(List.of(RecordedEvent.reported(alice, "page_view", "/x", Map.of("plan", "pro"), at("01:00:00"))));

        String properties = jdbc.sql("select properties from analytics_events where user_id = ?").param(alice)
                .query(String.class).single();

        assertThat(JsonMapper.builder().build().readTree(properties).get("plan").asString()).isEqualTo("pro");
    }

    @Test
    void deletesOnlyEventsBeforeCutoff() {
        long alice = aUserId();
        store.insert(List.of(
                call(alice, "GET", "/api/items", 200, 10, null, at("01:00:00")),
                call(alice, "GET", "/api/items", 200, 10, null, at("03:00:00"))));

        store.deleteCreatedBefore(at("02:00:00"));

        assertThat(queries.usage(wholeDay(alice)).apiCalls()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from analytics_events where user_id = ?").param(alice)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deletesEventsOfOneUser() {
        long alice = aUserId();
        long bob = aUserId();
        store.insert(List.of(
                call(alice, "GET", "/api/items", 200, 10, null, at("01:00:00")),
                call(bob, "GET", "/api/items", 200, 10, null, at("01:00:00"))));

        int deleted = store.deleteOfUser(alice);

        assertThat(deleted).isEqualTo(1);
        assertThat(queries.usage(wholeDay(bob)).apiCalls()).isEqualTo(1);
    }
}
