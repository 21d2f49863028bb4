package io.allice.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.allice.platform.shared.sharing.ResourceType;
import org.junit.jupiter.api.Test;

class SimilarityTests {

    private static Similarity.Features features(String title, String kind, String... tags) {
        return Similarity.Features.of(new SearchDocument(ResourceType.ITEM, 1, 1, title, null, null, Instant.EPOCH,
                kind, List.of(tags), null));
    }

    @Test
    void comparesFoldedWordStems() {
        Similarity.Match match = Similarity.of(features("The Café gardens", null), features("cafe GARDENING", null));

        assertThat(match.sharedWords()).containsExactly("cafe", "gardens");
        assertThat(match.score()).isEqualTo(Similarity.WORD_WEIGHT);
    }

    @Test
    void sharedTagsAddToTheScore() {
        Similarity.Match match = Similarity.of(features("Receipt", null, "Kayak", "river"),
                features("Invoice", null, "kayak"));

        assertThat(match.sharedTags()).containsExactly("kayak");
        assertThat(match.score()).isGreaterThan(Similarity.TAG_WEIGHT);
    }

    @Test
    void sameItemTypeAddsToSharedWords() {
        Similarity.Match withType = Similarity.of(features("Budget plan", "report"), features("Budget", "report"));
        Similarity.Match withoutType = Similarity.of(features("Budget plan", "report"), features("Budget", "memo"));

        assertThat(withType.sameKind()).isTrue();
        assertThat(withType.score() - withoutType.score()).isCloseTo(Similarity.KIND_WEIGHT,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void sameItemTypeAloneIsNoLikeness() {
        Similarity.Match match = Similarity.of(features("Tax return", "post"), features("Orchid care", "post"));

        assertThat(match.score()).isZero();
        assertThat(match.sameKind()).isFalse();
    }

    @Test
    void shortTitleInsideLongOneIsFullyAlike() {
        Similarity.Match match = Similarity.of(features("Telescope", null),
                features("Choosing a telescope for city skies", null));

        assertThat(match.score()).isEqualTo(Similarity.WORD_WEIGHT);
    }
}
