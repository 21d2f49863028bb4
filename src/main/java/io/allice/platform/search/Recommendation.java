package io.allice.platform.search;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import io.allice.platform.shared.sharing.ResourceType;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One recommended record, shaped like a search result, with why it is recommended.
 *
 * @param title the item's title, or the original file name of a file or media
 * @param reason the kind of reason, which a client can group or filter by
 * @param reasonDetail the reason as a sentence to show, naming what the records share
 * @param similarTo for {@code similar_content}, the recently created or opened record that this
 *     one resembles most; otherwise {@code null}
 * @param score how strongly the reason applies, from 0 to 1. The list mixes reasons, so it is not
 *     sorted by score; within one reason, higher comes first.
 */
record Recommendation(
        @Schema(example = "7") long id,
        @Schema(example = "item", allowableValues = {"item", "media", "file"}) ResourceType type,
        @Schema(example = "Budget plan 2025") String title,
        @Schema(example = "Draft figures for next year") String description,
        @Schema(example = "2024-01-01T00:00:00Z") Instant createdAt,
        @Schema(example = "similar_content",
                allowableValues = {"similar_content", "shared_with_you", "recently_published"}) Reason reason,
        @Schema(example = "Similar to \"Budget plan 2024\": same words budget, plan; same item type report")
        String reasonDetail,
        RelatedRecord similarTo,
        @Schema(example = "0.65") double score) {

    static Recommendation of(SearchDocument document, Reason reason, String detail, SearchDocument similarTo,
            double score) {
        RelatedRecord related = similarTo == null ? null
                : new RelatedRecord(similarTo.id(), similarTo.type(), similarTo.title());
        return new Recommendation(document.id(), document.type(), document.title(), document.description(),
                document.createdAt(), reason, detail, related, score);
    }

    RecordKey key() {
        return new RecordKey(type, id);
    }

    /** The reason a record is recommended. */
    enum Reason {
        /** It resembles a record the caller created or opened recently. */
        SIMILAR_CONTENT,
        /** Another user shared it with the caller recently. */
        SHARED_WITH_YOU,
        /** The caller published this item recently. */
        RECENTLY_PUBLISHED;

        @JsonValue
        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The record that a recommendation resembles. */
    record RelatedRecord(
            @Schema(example = "3") long id,
            @Schema(example = "item", allowableValues = {"item", "media", "file"}) ResourceType type,
            @Schema(example = "Budget plan 2024") String title) {
    }
}
