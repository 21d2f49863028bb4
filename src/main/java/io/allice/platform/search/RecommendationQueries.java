package io.allice.platform.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads of {@code search_documents} that recommendations add to those of search. Each one
 * reads one owner's records newest first through an index that leads with {@code owner_id}.
 * Those that return candidates leave out the records the user opened since {@code viewedSince},
 * as far as they are stored; views still waiting in memory are left out by the caller.
 */
@Component
class RecommendationQueries {

    private static final String NOT_VIEWED = """
            and not exists (select 1 from recent_views v where v.user_id = :owner
            and v.resource_type = d.resource_type and v.resource_id = d.resource_id and v.viewed_at >= :viewedSince)
            """;

    private final JdbcClient jdbc;

    RecommendationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the owner's records created since the given time, newest first. */
    List<SearchDocument> createdSince(long ownerId, Instant since, int max) {
        return jdbc.sql("select " + SearchDocumentStore.COLUMNS + " from search_documents d"
                        + " where d.owner_id = :owner and d.created_at >= :since order by d.created_at desc limit :max")
                .param("owner", ownerId)
                .param("since", SearchDocumentStore.utc(since))
                .param("max", max)
                .query(SearchDocumentStore::read)
                .list();
    }

    /** Returns the owner's items published since the given time and not opened since {@code viewedSince}, newest first. */
    List<SearchDocument> publishedSince(long ownerId, Instant since, Instant viewedSince, int max) {
        return jdbc.sql("select " + SearchDocumentStore.COLUMNS + " from search_documents d"
                        + " where d.owner_id = :owner and d.published_at >= :since\n" + NOT_VIEWED
                        + " order by d.published_at desc limit :max")
                .param("owner", ownerId)
                .param("since", SearchDocumentStore.utc(since))
                .param("viewedSince", SearchDocumentStore.utc(viewedSince))
                .param("max", max)
                .query(SearchDocumentStore::read)
                .list();
    }

    /** Returns the owner's items of the given item types not opened since {@code viewedSince}, newest first. */
    List<SearchDocument> ofKinds(long ownerId, Collection<String> kinds, Instant viewedSince, int max) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + SearchDocumentStore.COLUMNS + " from search_documents d"
                        + " where d.owner_id = :owner and d.kind in (:kinds)\n" + NOT_VIEWED
                        + " order by d.created_at desc limit :max")
                .param("owner", ownerId)
                .param("kinds", kinds)
                .param("viewedSince", SearchDocumentStore.utc(viewedSince))
                .param("max", max)
                .query(SearchDocumentStore::read)
                .list();
    }
}
