package io.allice.platform.analytics;

import static io.allice.platform.analytics.EventStore.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import io.allice.platform.analytics.AnalyticsViews.EndpointErrors;
import io.allice.platform.analytics.AnalyticsViews.EndpointPerformance;
import io.allice.platform.analytics.AnalyticsViews.TimeBucket;
import io.allice.platform.analytics.AnalyticsViews.Usage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregates behind the analytics endpoints. Each is one SQL statement that the database
 * computes from {@code analytics_events}, filtered on the indexed {@code (user_id, created_at)}
 * or {@code created_at} columns, so no event row is loaded into memory. The statements run
 * unchanged on PostgreSQL and H2 2.x. A null {@code userId} means every user's events,
 * anonymous ones included.
 */
@Repository
class AnalyticsQueries {

    /** Events of one period, optionally of one user. */
    record Scope(Long userId, Instant from, Instant to) {
    }

    private final JdbcClient jdbc;

    AnalyticsQueries(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    Usage usage(Scope scope) {
        String sql = """
                select count(*) as total_events,
                       coalesce(sum(case when event_type = 'api_call' then 1 else 0 end), 0) as api_calls,
                       coalesce(sum(case when event_type = 'page_view' then 1 else 0 end), 0) as page_views,
                       coalesce(sum(case when event_type = 'api_call' and status_code >= 400 then 1 else 0 end), 0)
                           as errors,
                       avg(case when event_type = 'api_call' then cast(duration_ms as double precision) end)
                           as avg_response_time
                from analytics_events
                where created_at >= :from and created_at <= :to""" + userFilter(scope);
        return bind(jdbc.sql(sql), scope)
                .query((row, number) -> new Usage(row.getLong("total_events"), row.getLong("api_calls"),
                        row.getLong("page_views"), row.getLong("errors"), roundedOrNull(row, "avg_response_time"),
                        scope.from(), scope.to()))
                .single();
    }

    /** Endpoints with error responses, most errors first. */
    List<EndpointErrors> errors(Scope scope, int limit) {
        String sql = """
                select method, endpoint, error_count, last_error, last_occurred
                from (
                    select method, endpoint, error_detail as last_error, created_at as last_occurred,
                           count(*) over (partition by method, endpoint) as error_count,
                           row_number() over (partition by method, endpoint order by created_at desc, id desc)
                               as recency
                    from analytics_events
                    where event_type = 'api_call' and status_code >= 400
                      and created_at >= :from and created_at <= :to""" + userFilter(scope) + """

                ) ranked
                where recency = 1
                order by error_count desc, last_occurred desc, endpoint, method
                fetch first :limit rows only""";
        return bind(jdbc.sql(sql), scope).param("limit", limit)
                .query((row, number) -> new EndpointErrors(row.getString("method"), row.getString("endpoint"),
                        row.getLong("error_count"), row.getString("last_error"),
                        row.getObject("last_occurred", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Endpoints by response time, slowest on average first. */
    List<EndpointPerformance> performance(Scope scope, int limit) {
        String sql = """
                select method, endpoint, count(*) as total_calls,
                       avg(cast(duration_ms as double precision)) as avg_response_time,
                       min(duration_ms) as min_response_time,
                       max(duration_ms) as max_response_time,
                       percentile_cont(0.95) within group (order by cast(duration_ms as double precision))
                           as p95_response_time
                from analytics_events
                where event_type = 'api_call' and created_at >= :from and created_at <= :to""" + userFilter(scope) + """

                group by method, endpoint
                order by avg_response_time desc, endpoint, method
                fetch first :limit rows only""";
        return bind(jdbc.sql(sql), scope).param("limit", limit)
                .query((row, number) -> new EndpointPerformance(row.getString("method"), row.getString("endpoint"),
                        row.getLong("total_calls"), round(row.getDouble("avg_response_time")),
                        row.getLong("min_response_time"), row.getLong("max_response_time"),
                        round(row.getDouble("p95_response_time"))))
                .list();
    }

    /**
     * API calls per bucket, only for buckets that have any, in time order. Buckets are counted in
     * whole seconds since the epoch, so they are UTC whatever the database's time zone.
     */
    List<TimeBucket> timeSeries(Scope scope, Bucket bucket) {
        String sql = """
                select bucket, count(*) as calls,
                       sum(case when status_code >= 400 then 1 else 0 end) as errors,
                       avg(cast(duration_ms as double precision)) as avg_response_time
                from (
                    select cast(floor(extract(epoch from created_at) / %d) as bigint) as bucket,
                           status_code, duration_ms
                    from analytics_events
                    where event_type = 'api_call' and created_at >= :from and created_at <= :to%s
                ) bucketed
                group by bucket
                order by bucket""".formatted(bucket.seconds(), userFilter(scope));
        return bind(jdbc.sql(sql), scope)
                .query((row, number) -> new TimeBucket(Instant.ofEpochSecond(row.getLong("bucket") * bucket.seconds()),
                        row.getLong("calls"), row.getLong("errors"), roundedOrNull(row, "avg_response_time")))
                .list();
    }

    private static String userFilter(Scope scope) {
        return scope.userId() == null ? "" : " and user_id = :userId";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Scope scope) {
        statement = statement.param("from", utc(scope.from())).param("to", utc(scope.to()));
        return scope.userId() == null ? statement : statement.param("userId", scope.userId());
    }

    private static Double roundedOrNull(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : round(value);
    }

    /** Rounds milliseconds to two decimals, which is finer than the recorded precision. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
