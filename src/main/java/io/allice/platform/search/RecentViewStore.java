package io.allice.platform.search;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.allice.platform.shared.sharing.ResourceType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/** The {@code recent_views} table: when each user last opened each item, media or file. */
@Component
class RecentViewStore {

    /**
     * A stored view is moved forward only when it is older than this, so that a record opened
     * again and again rewrites its row at most once in this time. Recommendations look back days,
     * so the lost precision does not change them.
     */
    static final int REWRITE_AFTER_MINUTES = 5;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final String upsertSql;

    RecentViewStore(DataSource dataSource, JdbcClient jdbc) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.batches = new JdbcTemplate(dataSource);
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.upsertSql = "PostgreSQL".equals(database) ? """
                insert into recent_views (user_id, resource_type, resource_id, viewed_at) values (?, ?, ?, ?)
                on conflict (user_id, resource_type, resource_id) do update set viewed_at = excluded.viewed_at
                where recent_views.viewed_at < excluded.viewed_at - interval '%d' minute
                """.formatted(REWRITE_AFTER_MINUTES) : """
                merge into recent_views v using (values (cast(? as bigint), cast(? as varchar(20)), cast(? as bigint),
                cast(? as timestamp with time zone))) as s (user_id, resource_type, resource_id, viewed_at)
                on v.user_id = s.user_id and v.resource_type = s.resource_type and v.resource_id = s.resource_id
                when matched and v.viewed_at < s.viewed_at - interval '%d' minute then update set viewed_at = s.viewed_at
                when not matched then insert (user_id, resource_type, resource_id, viewed_at)
                values (s.user_id, s.resource_type, s.resource_id, s.viewed_at)
                """.formatted(REWRITE_AFTER_MINUTES);
    }

    /** Inserts or moves forward the views of one batch in one round trip. */
    void upsert(List<RecentViews.View> views) {
        batches.batchUpdate(upsertSql, views, views.size(), (statement, view) -> {
            statement.setLong(1, view.userId());
            statement.setString(2, view.type().wireName());
            statement.setLong(3, view.id());
            statement.setObject(4, SearchDocumentStore.utc(view.viewedAt()));
        });
    }

    /** Returns up to {@code max} records the user opened since the given time, newest view first. */
    Map<RecordKey, Instant> viewedSince(long userId, Instant since, int max) {
        Map<RecordKey, Instant> views = new LinkedHashMap<>();
        jdbc.sql("""
                        select resource_type, resource_id, viewed_at from recent_views
                        where user_id = ? and viewed_at >= ? order by viewed_at desc limit ?
                        """)
                .params(userId, SearchDocumentStore.utc(since), max)
                .query(row -> {
                    ResourceType type = ResourceType.parse(row.getString("resource_type")).orElseThrow();
                    views.put(new RecordKey(type, row.getLong("resource_id")),
                            row.getObject("viewed_at", OffsetDateTime.class).toInstant());
                });
        return views;
    }

    int deleteOfUser(long userId) {
        return jdbc.sql("delete from recent_views where user_id = ?").param(userId).update();
    }

    /**
     * Deletes the views older than the cutoff. NOTE: no index leads with {@code viewed_at}, so this
     * reads the whole table; it runs once an hour, and one more index would cost every upsert.
     */
    int deleteViewedBefore(Instant cutoff) {
        return jdbc.sql("delete from recent_views where viewed_at < ?")
                .param(SearchDocumentStore.utc(cutoff))
                .update();
    }
}
