package io.allice.platform.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.allice.platform.shared.json.StoredJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads items straight into their API form. The list and single-item reads are the busiest
 * requests of the service, so each is one SQL statement outside a transaction, without entity
 * objects, and the JSON columns pass through as text. Writes still go through {@link Item}.
 */
@Component
class ItemReads {

    private static final String COLUMNS = "id, title, description, content, item_type, status, user_id, metadata, "
            + "created_at, updated_at, published_at";

    private final JdbcClient jdbc;

    ItemReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Returns one page of a user's items, newest first. Only the filters given become conditions,
     * so each form of the query uses one of the {@code items_user_*_created_idx} indexes.
     */
    List<ItemView> page(long userId, String itemType, ItemStatus status, int skip, int limit) {
        if (skip < 0 || limit < 1) {
            throw new IllegalArgumentException("Invalid page: skip " + skip + ", limit " + limit);
        }
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from items where user_id = :userId");
        if (itemType != null) {
            sql.append(" and item_type = :itemType");
        }
        if (status != null) {
            sql.append(" and status = :status");
        }
        // The page bounds go into the text as numbers, not as parameters. With parameters, the
        // cached generic plan could look dearer than a plan for the values, and PostgreSQL then
        // planned every list again: about a third of its CPU per list request when measured.
        sql.append(" order by created_at desc, id desc limit ").append(limit).append(" offset ").append(skip);
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("userId", userId);
        if (itemType != null) {
            statement = statement.param("itemType", itemType);
        }
        if (status != null) {
            statement = statement.param("status", status.wireName());
        }
        return statement.query(ItemReads::view).list();
    }

    Optional<ItemView> byId(long itemId) {
        return jdbc.sql("select " + COLUMNS + " from items where id = :id")
                .param("id", itemId)
                .query(ItemReads::view)
                .optional();
    }

    private static ItemView view(ResultSet row, int rowNumber) throws SQLException {
        long id = row.getLong("id");
        String storedStatus = row.getString("status");
        // The items_status_check constraint admits only the three names, so stored rows always parse.
        ItemStatus status = ItemStatus.parse(storedStatus)
                .orElseThrow(() -> new IllegalStateException("Invalid status '" + storedStatus + "' of item " + id));
        return new ItemView(
                id,
                row.getString("title"),
                row.getString("description"),
                StoredJson.ofText(row.getString("content")),
                row.getString("item_type"),
                status,
                row.getLong("user_id"),
                StoredJson.ofText(row.getString("metadata")),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                instantOrNull(row.getObject("published_at", OffsetDateTime.class)));
    }

    private static Instant instantOrNull(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
