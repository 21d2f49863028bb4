package io.allice.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlighterTests {

    @Test
    void marksEveryFormOfAMatchedWord() {
        Highlighter highlighter = new Highlighter(SearchQuery.parse("\"connection\""));

        assertThat(highlighter.highlight("Connected, connecting; disconnected"))
                .isEqualTo("<mark>Connected</mark>, <mark>connecting</mark>; disconnected");
    }

    @Test
    void marksAccentedWordsFromPlainQuery() {
        Highlighter highlighter = new Highlighter(SearchQuery.parse("\"cafe\""));

        assertThat(highlighter.highlight("Le Café")).isEqualTo("Le <mark>Café</mark>");
    }

    @Test
    void escapesHtmlOutsideAndInsideMarks() {
        Highlighter highlighter = new Highlighter(SearchQuery.parse("x"));

        assertThat(highlighter.highlight("<i>x</i> & \"y\" 'z'"))
                .isEqualTo("&lt;i&gt;<mark>x</mark>&lt;/i&gt; &amp; &quot;y&quot; &#39;z&#39;");
    }

    @Test
    void usesTheFirstTextWithAMatch() {
        Highlighter highlighter = new Highlighter(SearchQuery.parse("otter"));

        assertThat(highlighter.highlight("Title", null, "Sea otter")).isEqualTo("Sea <mark>otter</mark>");
    }

    @Test
    void returnsNullWithoutAMatch() {
        Highlighter highlighter = new Highlighter(SearchQuery.parse("otter"));

        assertThat(highlighter.highlight("Title", "Description")).isNull();
    }

    @Test
    void cutsLongTextNearTheFirstMatch() {
        String text = "word ".repeat(100) + "otter " + "word ".repeat(100);
        Highlighter highlighter = new Highlighter(SearchQuery.parse("otter"));

        String fragment = highlighter.highlight(text);

        assertThat(fragment).startsWith("\u2026word").endsWith("\u2026").contains("<mark>otter</mark>");
        assertThat(fragment.length()).isLessThanOrEqualTo(Highlighter.FRAGMENT_LENGTH + 20);
    }
}
