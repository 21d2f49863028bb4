package io.allice.platform.search;

import java.time.Instant;

import io.allice.platform.shared.sharing.ResourceType;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One search result.
 *
 * @param title the item's title, or the original file name of a file or media
 * @param score relevance, higher is better; comparable only within one response
 * @param highlight the matched fragment as HTML, matched words in {@code <mark>}, or {@code null}
 */
record SearchResult(
        @Schema(example = "1") long id,
        @Schema(example = "item", allowableValues = {"item", "media", "file"}) ResourceType type,
        @Schema(example = "Quarterly report") String title,
        @Schema(example = "Figures for the first quarter") String description,
        @Schema(example = "2024-01-01T00:00:00Z") Instant createdAt,
        @Schema(example = "1.5") double score,
        @Schema(example = "<mark>Quarterly</mark> report") String highlight) {

    static SearchResult of(SearchEngine.ScoredDocument scored, Highlighter highlighter) {
        SearchDocument document = scored.document();
        return new SearchResult(document.id(), document.type(), document.title(), document.description(),
                document.createdAt(), scored.score(),
                highlighter.highlight(document.title(), document.description(), document.body()));
    }
}
