package io.allice.platform.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.allice.platform.shared.sharing.ResourceType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code search_documents} table, through plain JDBC because Hibernate cannot map its text-search column. */
@Component
class SearchDocumentStore {

    static final String COLUMNS = "resource_type, resource_id, owner_id, title, description, body, created_at, kind, tags,"
            + " published_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    SearchDocumentStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Inserts the document or replaces the stored one of the same record. */
    void save(SearchDocument document) {
        int updated = jdbc.sql("""
                        update search_documents set owner_id = ?, title = ?, description = ?, body = ?, created_at = ?,
                        title_terms = ?, description_terms = ?, body_terms = ?, kind = ?, tags = ?, published_at = ?
                        where resource_type = ? and resource_id = ?
                        """)
                .params(document.ownerId(), document.title(), document.description(), document.body(),
                        utc(document.createdAt()), document.titleTerms(), document.descriptionTerms(),
                        document.bodyTerms(), document.kind(), joinTags(document), utc(document.publishedAt()),
                        document.type().wireName(), document.id())
                .update();
        if (updated > 0) {
            return;
        }
        insertAll(List.of(document));
    }

    /** Inserts the documents of records that have none yet, as one JDBC batch. */
    void insertAll(List<SearchDocument> documents) {
        batches.batchUpdate("""
                        insert into search_documents (resource_type, resource_id, owner_id, title, description, body,
                        created_at, title_terms, description_terms, body_terms, kind, tags, published_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, documents, documents.size(), (statement, document) -> {
                    statement.setString(1, document.type().wireName());
                    statement.setLong(2, document.id());
                    statement.setLong(3, document.ownerId());
                    statement.setString(4, document.title());
                    statement.setString(5, document.description());
                    statement.setString(6, document.body());
                    statement.setObject(7, utc(document.createdAt()));
                    statement.setString(8, document.titleTerms());
                    statement.setString(9, document.descriptionTerms());
                    statement.setString(10, document.bodyTerms());
                    statement.setString(11, document.kind());
                    statement.setString(12, joinTags(document));
                    statement.setObject(13, utc(document.publishedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                });
    }

    void delete(ResourceType type, long id) {
        jdbc.sql("delete from search_documents where resource_type = ? and resource_id = ?")
                .params(type.wireName(), id)
                .update();
    }

    /** Loads the documents of the given records, one query per type; records that are gone are left out. */
    List<SearchDocument> find(Map<ResourceType, ? extends Collection<Long>> ids) {
        List<SearchDocument> found = new ArrayList<>();
        ids.forEach((type, typeIds) -> {
            if (!typeIds.isEmpty()) {
                found.addAll(jdbc.sql("select " + COLUMNS + " from search_documents"
                                + " where resource_type = :type and resource_id in (:ids)")
                        .param("type", type.wireName())
                        .param("ids", typeIds)
                        .query(SearchDocumentStore::read)
                        .list());
            }
        });
        return found;
    }

    /** Returns the keys ({@code type:id}) of every stored document. */
    Set<String> keys() {
        return new HashSet<>(jdbc.sql("select resource_type, resource_id from search_documents")
                .query((row, rowNumber) -> SearchDocument.keyOf(
                        ResourceType.parse(row.getString("resource_type")).orElseThrow(), row.getLong("resource_id")))
                .list());
    }

    /** Passes every stored document to the consumer, streaming rather than loading them all. */
    void forEach(Consumer<SearchDocument> consumer) {
        try (var documents = jdbc.sql("select " + COLUMNS + " from search_documents")
                .query(SearchDocumentStore::read)
                .stream()) {
            documents.forEach(consumer);
        }
    }

    static SearchDocument read(ResultSet row, int rowNumber) throws SQLException {
        ResourceType type = ResourceType.parse(row.getString("resource_type")).orElseThrow();
        String tags = row.getString("tags");
        OffsetDateTime publishedAt = row.getObject("published_at", OffsetDateTime.class);
        return new SearchDocument(type, row.getLong("resource_id"), row.getLong("owner_id"), row.getString("title"),
                row.getString("description"), row.getString("body"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getString("kind"),
                tags == null ? List.of() : List.of(tags.split("\n")),
                publishedAt == null ? null : publishedAt.toInstant());
    }

    /** Tags are stored one per line; a record without tags stores {@code null}. */
    private static String joinTags(SearchDocument document) {
        return document.tags().isEmpty() ? null
                : String.join("\n", document.tags().stream().map(tag -> tag.replace('\n', ' ')).toList());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
