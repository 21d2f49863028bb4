package io.allice.platform.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.allice.platform.search.SearchText.Token;

/**
 * Picks the fragment that shows why a document matched and marks the matched words with
 * {@code <mark>}. Everything else in the fragment is escaped as HTML, so a client can insert it
 * as markup. A word matches when its stem is a query word's stem or it starts with the prefix.
 */
final class Highlighter {

    /** Fragments of longer text are cut to about this many characters around the first match. */
    static final int FRAGMENT_LENGTH = 160;
    private static final int CONTEXT_BEFORE = 40;

    private final Set<String> stems = new HashSet<>();
    private final String prefix;
    private final String prefixStem;

    Highlighter(SearchQuery query) {
        query.allWords().stream().map(SearchText::stem).filter(stem -> stem != null).forEach(stems::add);
        this.prefix = query.prefix();
        this.prefixStem = prefix == null ? null : SearchText.stem(prefix);
    }

    /** Returns the marked fragment of the first of the texts with a match, or {@code null} when none has one. */
    String highlight(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            List<Token> matches = SearchText.tokens(text).stream().filter(this::matches).toList();
            if (!matches.isEmpty()) {
                return fragment(text, matches);
            }
        }
        return null;
    }

    private boolean matches(Token token) {
        for (String word : SearchText.words(token.text())) {
            String stem = SearchText.stem(word);
            if (stem == null) {
                continue;
            }
            if (stems.contains(stem)) {
                return true;
            }
            if (prefix != null && (word.startsWith(prefix) || (prefixStem != null && stem.startsWith(prefixStem)))) {
                return true;
            }
        }
        return false;
    }

    private static String fragment(String text, List<Token> matches) {
        int start = 0;
        int end = text.length();
        if (text.length() > FRAGMENT_LENGTH) {
            Token first = matches.getFirst();
            start = wordStartAfter(text, Math.max(0, first.start() - CONTEXT_BEFORE), first.start());
            end = wordEndBefore(text, Math.min(text.length(), start + FRAGMENT_LENGTH), first.end());
        }

        StringBuilder marked = new StringBuilder();
        if (start > 0) {
            marked.append('\u2026');
        }
        int written = start;
        for (Token match : matches) {
            if (match.start() < start || match.end() > end) {
                continue;
            }
            marked.append(escape(text.substring(written, match.start())))
                    .append("<mark>").append(escape(match.text())).append("</mark>");
            written = match.end();
        }
        marked.append(escape(text.substring(written, end)));
        if (end < text.length()) {
            marked.append('\u2026');
        }
        return marked.toString();
    }

    /** Moves a cut forward to the next word start, but never past {@code limit}. */
    private static int wordStartAfter(String text, int cut, int limit) {
        if (cut == 0) {
            return 0;
        }
        int space = text.indexOf(' ', cut);
        return space < 0 || space + 1 > limit ? cut : space + 1;
    }

    /** Moves a cut back to the previous space, but never before {@code limit}. */
    private static int wordEndBefore(String text, int cut, int limit) {
        if (cut == text.length()) {
            return cut;
        }
        int space = text.lastIndexOf(' ', cut);
        return space < limit ? Math.max(cut, limit) : space;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char character : text.toCharArray()) {
            switch (character) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }
}
