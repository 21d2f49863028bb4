package io.allice.platform.content;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.allice.platform.shared.json.StoredJson;
import io.allice.platform.shared.persistence.GroupCommit;
import io.allice.platform.shared.persistence.JsonParameter;
import io.allice.platform.shared.search.SearchDocumentChanged;
import io.allice.platform.shared.search.SearchDocumentsCreated;
import jakarta.annotation.PreDestroy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inserts new items, with concurrent creates sharing a transaction ({@link GroupCommit}). Under
 * load this turns a commit per item into one per batch. The batch also inserts the search
 * documents that make each item searchable at once. The rows go in as JDBC batches, without
 * entity objects.
 */
@Component
class ItemInserts {

    /**
     * The maximum number of items one transaction inserts. A batch contains the creates that
     * arrived during the previous write, so it grows with the load.
     */
    static final int MAX_BATCH = 64;

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final JsonMapper jsonMapper;
    private final String insertSql;
    private final GroupCommit<NewItem, ItemView> groupCommit;

    ItemInserts(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.events = events;
        this.jsonMapper = jsonMapper;
        String json = JsonParameter.placeholder(dataSource);
        this.insertSql = "insert into items (user_id, title, description, content, item_type, status, metadata, "
                + "created_at, updated_at, published_at) values (?, ?, ?, " + json + ", ?, ?, " + json + ", ?, ?, ?)";
        this.groupCommit = new GroupCommit<>("items", MAX_BATCH, transactionManager, this::insertAll);
    }

    /** Stores the item and returns it as the API shows it, once its transaction has committed. */
    ItemView insert(NewItem item) {
        return groupCommit.submit(item);
    }

    /** Runs after the web server has stopped taking requests, so the last creates are written. */
    @PreDestroy
    void stop() {
        groupCommit.close();
    }

    private List<ItemView> insertAll(List<NewItem> items) {
        List<JsonColumns> jsonColumns = items.stream()
                .map(item -> new JsonColumns(jsonMapper.writeValueAsString(item.content()),
                        jsonMapper.writeValueAsString(item.metadata())))
                .toList();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(insertSql, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int index) throws SQLException {
                        bind(statement, items.get(index), jsonColumns.get(index));
                    }

                    @Override
                    public int getBatchSize() {
                        return items.size();
                    }
                }, keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != items.size()) {
            throw new IllegalStateException("Inserted " + items.size() + " items but got " + generated.size() + " ids");
        }
        List<ItemView> views = new ArrayList<>(items.size());
        List<SearchDocumentChanged> documents = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            // One generated column, whose name H2 reports in upper case and PostgreSQL in lower.
            long id = ((Number) generated.get(i).values().iterator().next()).longValue();
            NewItem item = items.get(i);
            views.add(view(id, item, jsonColumns.get(i)));
            documents.add(ItemSearchDocuments.of(id, item));
        }
        events.publishEvent(new SearchDocumentsCreated(documents));
        return views;
    }

    private static void bind(PreparedStatement statement, NewItem item, JsonColumns json) throws SQLException {
        statement.setLong(1, item.userId());
        statement.setString(2, item.title());
        statement.setString(3, item.description());
        statement.setString(4, json.content());
        statement.setString(5, item.itemType());
        statement.setString(6, item.status().wireName());
        statement.setString(7, json.metadata());
        statement.setObject(8, item.createdAt().atOffset(ZoneOffset.UTC));
        statement.setObject(9, item.createdAt().atOffset(ZoneOffset.UTC));
        statement.setObject(10, item.publishedAt() == null ? null : item.publishedAt().atOffset(ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** Builds the response from the JSON text written to the row, rather than serializing the maps again. */
    private static ItemView view(long id, NewItem item, JsonColumns json) {
        return new ItemView(id, item.title(), item.description(), StoredJson.ofText(json.content()), item.itemType(),
                item.status(), item.userId(), StoredJson.ofText(json.metadata()), item.createdAt(), item.createdAt(),
                item.publishedAt());
    }

    private record JsonColumns(String content, String metadata) {
    }
}
