package io.allice.platform.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.allice.platform.analytics.AnalyticsQueries.Scope;
import io.allice.platform.analytics.AnalyticsViews.EndpointErrors;
import io.allice.platform.analytics.AnalyticsViews.EndpointPerformance;
import io.allice.platform.analytics.AnalyticsViews.TimeBucket;
import io.allice.platform.analytics.AnalyticsViews.TimeSeries;
import io.allice.platform.analytics.AnalyticsViews.Usage;
import io.allice.platform.analytics.ClientEventRequests.ClientEvent;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;
import io.allice.platform.shared.json.UnstorableCharacters;
import io.allice.platform.shared.security.AccountLookup;
import io.allice.platform.shared.security.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes the figures of the analytics endpoints and stores client events. A plain user sees only their own events; an administrator
 * sees one user's events with {@code user_id}, or everyone's without it.
 */
@Service
class AnalyticsService {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsService.class);

    static final int MIN_DAYS = 1;
    static final int MAX_DAYS = 90;
    static final int MAX_LIMIT = 100;

    private final AnalyticsQueries queries;
    private final EventStore store;
    private final AccountLookup accounts;
    private final JsonMapper jsonMapper;
    private final Clock clock;

    AnalyticsService(AnalyticsQueries queries, EventStore store, AccountLookup accounts, JsonMapper jsonMapper,
            Clock clock) {
        this.queries = queries;
        this.store = store;
        this.accounts = accounts;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Usage usage(AuthenticatedUser caller, Long userId, int days) {
        return queries.usage(scope(caller, userId, days, null));
    }

    @Transactional(readOnly = true)
    List<EndpointErrors> errors(AuthenticatedUser caller, Long userId, int days, int limit) {
        checkLimit(limit);
        return queries.errors(scope(caller, userId, days, null), limit);
    }

    @Transactional(readOnly = true)
    List<EndpointPerformance> performance(AuthenticatedUser caller, Long userId, int days, int limit) {
        checkLimit(limit);
        return queries.performance(scope(caller, userId, days, null), limit);
    }

    /** Returns every bucket of the period in time order, with zeros for buckets without API calls. */
    @Transactional(readOnly = true)
    TimeSeries timeSeries(AuthenticatedUser caller, Long userId, int days, Bucket bucket) {
        Scope scope = scope(caller, userId, days, bucket);
        Map<Instant, TimeBucket> found = new LinkedHashMap<>();
        queries.timeSeries(scope, bucket).forEach(point -> found.put(point.timestamp(), point));

        List<TimeBucket> points = new ArrayList<>();
        for (Instant start = scope.from(); !start.isAfter(scope.to()); start = start.plusSeconds(bucket.seconds())) {
            points.add(found.getOrDefault(start, new TimeBucket(start, 0, 0, null)));
        }
        return new TimeSeries(bucket.wireName(), scope.from(), scope.to(), points);
    }

    /** Stores the events at once, in one batch, so the client can rely on them after the response. */
    @Transactional
    int record(AuthenticatedUser caller, List<ClientEvent> events) {
        rejectInvalid(events);
        Instant now = clock.instant();
        List<RecordedEvent> rows = events.stream()
                .map(event -> RecordedEvent.reported(caller.id(), event.eventType(), event.path(), event.properties(),
                        now))
                .toList();
        store.insert(rows);
        log.debug("User {} reported {} analytics events", caller.id(), rows.size());
        return rows.size();
    }

    private void rejectInvalid(List<ClientEvent> events) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ClientEvent event = events.get(i);
            String prefix = "events[" + i + "].";
            if (RecordedEvent.API_CALL.equals(event.eventType())) {
                violations.add(new FieldViolation(prefix + "event_type",
                        "must not be api_call, which the service records itself"));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put(prefix + "path", event.path());
            fields.put(prefix + "properties", event.properties());
            violations.addAll(UnstorableCharacters.violations(fields));
            if (event.properties() != null && jsonSize(event.properties()) > ClientEventRequests.MAX_PROPERTIES_BYTES) {
                violations.add(new FieldViolation(prefix + "properties",
                        "must be at most " + ClientEventRequests.MAX_PROPERTIES_BYTES + " bytes as JSON"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalidFields(violations);
        }
    }

    private int jsonSize(Map<String, Object> properties) {
        return jsonMapper.writeValueAsString(properties).getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Builds the scope of a query. The period ends now and starts {@code days} earlier, moved back
     * to the start of its first bucket when there is one. Throws 400 for days out of range, 403
     * when a plain user requests another user's events, and 404 when an administrator names an
     * account that does not exist.
     */
    private Scope scope(AuthenticatedUser caller, Long userId, int days, Bucket bucket) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw ApiException.invalidField("days", "must be between " + MIN_DAYS + " and " + MAX_DAYS);
        }
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        return new Scope(visibleUser(caller, userId), bucket == null ? from : bucket.startOf(from), to);
    }

    private Long visibleUser(AuthenticatedUser caller, Long userId) {
        if (userId == null) {
            return caller.isAdmin() ? null : caller.id();
        }
        if (userId < 1) {
            throw ApiException.invalidField("user_id", "must be a positive integer");
        }
        if (userId == caller.id()) {
            return userId;
        }
        if (!caller.isAdmin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Only an administrator may read another user's analytics");
        }
        if (accounts.findById(userId).isEmpty()) {
            throw ApiException.notFound("User " + userId + " not found");
        }
        return userId;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
