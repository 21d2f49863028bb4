package io.allice.platform.search;

import java.util.List;

import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.ShareGrants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Searches the caller's own items, files and media and those shared with them. */
@Service
class SearchService {

    private final SearchEngine engine;
    private final ShareGrants grants;

    SearchService(SearchEngine engine, ShareGrants grants) {
        this.engine = engine;
        this.grants = grants;
    }

    /**
     * Returns up to {@code limit} matches, best first. Shares are read at query time, so a revoked
     * or expired share hides its record at once. A query without a word returns nothing.
     *
     * @param type the only type to return, or {@code null} for all
     */
    @Transactional(readOnly = true)
    List<SearchResult> search(long userId, String text, ResourceType type, int limit) {
        SearchQuery query = SearchQuery.parse(text);
        if (query.isEmpty()) {
            return List.of();
        }

        SearchScope scope = new SearchScope(userId, grants.resourcesSharedWith(userId), type);
        Highlighter highlighter = new Highlighter(query);
        return engine.search(query, scope, limit).stream()
                .map(scored -> SearchResult.of(scored, highlighter))
                .toList();
    }
}
