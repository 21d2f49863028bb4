package io.allice.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.allice.platform.search.Recommendation.Reason;
import io.allice.platform.shared.sharing.ResourceType;
import org.junit.jupiter.api.Test;

class RecommendationMixTests {

    private static Recommendation similar(long id) {
        return recommendation(id, Reason.SIMILAR_CONTENT);
    }

    private static Recommendation shared(long id) {
        return recommendation(id, Reason.SHARED_WITH_YOU);
    }

    private static Recommendation published(long id) {
        return recommendation(id, Reason.RECENTLY_PUBLISHED);
    }

    private static Recommendation recommendation(long id, Reason reason) {
        SearchDocument document = new SearchDocument(ResourceType.ITEM, id, 1, "Item " + id, null, null,
                Instant.EPOCH, null, List.of(), null);
        return Recommendation.of(document, reason, reason.wireName(), null, 0.5);
    }

    private static List<String> ids(List<Recommendation> mixed) {
        return mixed.stream().map(found -> found.id() + " " + found.reason().wireName()).toList();
    }

    @Test
    void takesOneFromEachReasonInTurn() {
        List<Recommendation> mixed = RecommendationService.mix(5,
                List.of(List.of(similar(1), similar(2), similar(3)), List.of(shared(4), shared(5)), List.of(published(6))));

        assertThat(ids(mixed)).containsExactly("1 similar_content", "4 shared_with_you", "6 recently_published",
                "2 similar_content", "5 shared_with_you");
    }

    @Test
    void fillsFromOthersWhenOneRunsOut() {
        List<Recommendation> mixed = RecommendationService.mix(10,
                List.of(List.of(similar(1), similar(2), similar(3)), List.of(), List.of(published(4))));

        assertThat(ids(mixed)).containsExactly("1 similar_content", "4 recently_published", "2 similar_content",
                "3 similar_content");
    }

    @Test
    void skipsARecordAlreadyTakenForAnotherReason() {
        List<Recommendation> mixed = RecommendationService.mix(10,
                List.of(List.of(similar(1), similar(2)), List.of(shared(1), shared(3)), List.of(published(2))));

        assertThat(ids(mixed)).containsExactly("1 similar_content", "3 shared_with_you", "2 recently_published");
    }

    @Test
    void stopsAtTheLimit() {
        List<Recommendation> mixed = RecommendationService.mix(1,
                List.of(List.of(similar(1)), List.of(shared(2)), List.of(published(3))));

        assertThat(ids(mixed)).containsExactly("1 similar_content");
    }
}
