package io.allice.platform.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The likeness of two records, from 0 to 1, by the words of their titles, descriptions and tags
 * (compared by English stem, without stop words), their tags and their item types. Words and
 * tags are each compared by the overlap coefficient, the shared part over the smaller set, so a
 * short title is not penalized against a long one. The item type only adds to a likeness of
 * words or tags, because most items keep the default type and would all be alike by it.
 */
final class Similarity {

    static final double WORD_WEIGHT = 0.5;
    static final double TAG_WEIGHT = 0.35;
    static final double KIND_WEIGHT = 0.15;
    /** Only this much of a description is compared, so a long one costs no more than a short one. */
    static final int MAX_DESCRIPTION_LENGTH = 2_000;

    private Similarity() {
    }

    /** The parts of one record that are compared. {@code words} maps each stem to the first word it came from. */
    record Features(Map<String, String> words, Set<String> tags, String kind) {

        static Features of(SearchDocument document) {
            Map<String, String> words = new LinkedHashMap<>();
            String description = document.description() == null ? "" : document.description();
            String text = document.title() + " " + description.substring(0,
                    Math.min(description.length(), MAX_DESCRIPTION_LENGTH)) + " " + String.join(" ", document.tags());
            for (String word : SearchText.words(text)) {
                String stem = SearchText.stem(word);
                if (stem != null && word.length() > 1) {
                    words.putIfAbsent(stem, word);
                }
            }
            Set<String> tags = new LinkedHashSet<>();
            document.tags().forEach(tag -> {
                String folded = SearchText.fold(tag);
                if (!folded.isEmpty()) {
                    tags.add(folded);
                }
            });
            return new Features(words, tags, document.kind());
        }
    }

    /** The similarity of two records and what they share, for the recommendation to explain. */
    record Match(double score, List<String> sharedTags, List<String> sharedWords, boolean sameKind) {

        static final Match NONE = new Match(0, List.of(), List.of(), false);
    }

    static Match of(Features candidate, Features seed) {
        List<String> sharedWords = new ArrayList<>();
        candidate.words().forEach((stem, word) -> {
            if (seed.words().containsKey(stem)) {
                sharedWords.add(word);
            }
        });
        List<String> sharedTags = candidate.tags().stream().filter(seed.tags()::contains).toList();
        if (sharedWords.isEmpty() && sharedTags.isEmpty()) {
            return Match.NONE;
        }
        boolean sameKind = candidate.kind() != null && Objects.equals(candidate.kind(), seed.kind());

        double score = WORD_WEIGHT * overlap(sharedWords.size(), candidate.words().size(), seed.words().size())
                + TAG_WEIGHT * overlap(sharedTags.size(), candidate.tags().size(), seed.tags().size())
                + (sameKind ? KIND_WEIGHT : 0);
        return new Match(score, sharedTags, sharedWords, sameKind);
    }

    private static double overlap(int shared, int size, int otherSize) {
        int smaller = Math.min(size, otherSize);
        return smaller == 0 ? 0 : (double) shared / smaller;
    }
}
