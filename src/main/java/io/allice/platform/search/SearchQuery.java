package io.allice.platform.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A query as the engines use it: folded words, phrases written in double quotes, and the last
 * bare word typed, which also matches as a prefix so that search-as-you-type works. Nothing of
 * the input's syntax survives parsing except quotes, so operators and SQL in a query are plain text.
 *
 * @param words bare words and one-word phrases, without the prefix
 * @param phrases quoted runs of two or more words, in order
 * @param prefix the last bare word, or {@code null} when the query ends with a phrase or has no words
 */
record SearchQuery(List<String> words, List<List<String>> phrases, String prefix) {

    /** Words beyond this are ignored, so one request cannot build an unbounded query. */
    static final int MAX_TERMS = 32;

    static SearchQuery parse(String text) {
        List<String> segments = splitAtQuotes(text);
        boolean closed = segments.size() % 2 == 1;
        Set<String> words = new LinkedHashSet<>();
        List<List<String>> phrases = new ArrayList<>();
        String prefix = null;
        int terms = 0;

        for (int index = 0; index < segments.size(); index++) {
            // Odd segments are inside quotes; an unclosed quote leaves its rest as bare words.
            boolean quoted = index % 2 == 1 && (closed || index < segments.size() - 1);
            List<String> segmentWords = SearchText.words(segments.get(index));
            segmentWords = segmentWords.subList(0, Math.min(segmentWords.size(), Math.max(0, MAX_TERMS - terms)));
            terms += segmentWords.size();
            if (segmentWords.isEmpty()) {
                continue;
            }
            // A word followed by more text was typed in full, so it is no longer the prefix.
            if (prefix != null) {
                words.add(prefix);
                prefix = null;
            }
            if (quoted && segmentWords.size() > 1) {
                phrases.add(List.copyOf(segmentWords));
                continue;
            }
            words.addAll(segmentWords);
            prefix = quoted ? null : segmentWords.getLast();
            if (prefix != null) {
                words.remove(prefix);
            }
        }
        return new SearchQuery(List.copyOf(words), List.copyOf(phrases), prefix);
    }

    boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty() && prefix == null;
    }

    /** Returns every distinct word outside and inside phrases, without the prefix. */
    List<String> allWords() {
        Set<String> all = new LinkedHashSet<>(words);
        phrases.forEach(all::addAll);
        if (prefix != null) {
            all.remove(prefix);
        }
        return List.copyOf(all);
    }

    private static List<String> splitAtQuotes(String text) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (char character : text.toCharArray()) {
            if (character == '"' || character == '\u201C' || character == '\u201D' || character == '\u201E') {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(character);
            }
        }
        segments.add(current.toString());
        return segments;
    }
}
