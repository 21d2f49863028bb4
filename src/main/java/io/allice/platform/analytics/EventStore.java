package io.allice.platform.analytics;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.allice.platform.shared.persistence.JsonParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and deletes rows of {@code analytics_events} with plain JDBC, so that a batch is one
 * round trip. The reads are in {@link AnalyticsQueries}.
 */
@Repository
class EventStore {

    static final int MAX_ENDPOINT_LENGTH = 200;
    static final int MAX_ERROR_DETAIL_LENGTH = 500;
    /** Rows the retention job deletes per statement, so that one run never keeps a huge transaction open. */
    static final int DELETE_CHUNK = 10_000;

    private final JdbcTemplate jdbc;
    private final JsonMapper jsonMapper;
    private final String insertSql;

    EventStore(DataSource dataSource, JsonMapper jsonMapper) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jsonMapper = jsonMapper;
        this.insertSql = "insert into analytics_events (user_id, event_type, method, endpoint, path, status_code, "
                + "duration_ms, error_detail, properties, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, "
                + JsonParameter.placeholder(dataSource) + ", ?)";
    }

    void insert(List<RecordedEvent> events) {
        jdbc.batchUpdate(insertSql, events, events.size(), this::bind);
    }

    private void bind(PreparedStatement statement, RecordedEvent event) throws SQLException {
        statement.setObject(1, event.userId(), Types.BIGINT);
        statement.setString(2, event.eventType());
        statement.setString(3, event.method());
        statement.setString(4, truncate(event.endpoint(), MAX_ENDPOINT_LENGTH));
        statement.setString(5, event.path());
        statement.setObject(6, event.statusCode(), Types.INTEGER);
        statement.setObject(7, event.durationMs(), Types.BIGINT);
        statement.setString(8, truncate(event.errorDetail(), MAX_ERROR_DETAIL_LENGTH));
        statement.setString(9, event.properties() == null ? null : jsonMapper.writeValueAsString(event.properties()));
        statement.setObject(10, utc(event.createdAt()));
    }

    /** Deletes the events created before the cutoff, chunk by chunk, and returns how many went. */
    long deleteCreatedBefore(Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update("delete from analytics_events where id in (select id from analytics_events "
                    + "where created_at < ? order by id fetch first " + DELETE_CHUNK + " rows only)", utc(cutoff));
            total += deleted;
        } while (deleted == DELETE_CHUNK);
        return total;
    }

    int deleteOfUser(long userId) {
        return jdbc.update("delete from analytics_events where user_id = ?", userId);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value, int maxLength) {
        return value == null || value.length() <= maxLength ? value : value.substring(0, maxLength);
    }
}
