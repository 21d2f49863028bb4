package io.allice.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchQueryTests {

    @Test
    void lastBareWordIsThePrefix() {
        SearchQuery query = SearchQuery.parse("Quick Brown fo");

        assertThat(query.words()).containsExactly("quick", "brown");
        assertThat(query.prefix()).isEqualTo("fo");
        assertThat(query.phrases()).isEmpty();
    }

    @Test
    void quotedWordsAreAPhraseAndNoPrefix() {
        SearchQuery query = SearchQuery.parse("red \"granite floor\"");

        assertThat(query.phrases()).containsExactly(List.of("granite", "floor"));
        assertThat(query.words()).containsExactly("red");
        assertThat(query.prefix()).isNull();
        assertThat(query.allWords()).containsExactly("red", "granite", "floor");
    }

    @Test
    void quotedSingleWordIsAnExactWord() {
        SearchQuery query = SearchQuery.parse("\"connected\"");

        assertThat(query.words()).containsExactly("connected");
        assertThat(query.prefix()).isNull();
    }

    @Test
    void unclosedQuoteLeavesBareWords() {
        SearchQuery query = SearchQuery.parse("\"granite flo");

        assertThat(query.phrases()).isEmpty();
        assertThat(query.words()).containsExactly("granite");
        assertThat(query.prefix()).isEqualTo("flo");
    }

    @Test
    void operatorsAndPunctuationAreSeparators() {
        SearchQuery query = SearchQuery.parse("a:* & (b | !c) <-> 'd'; --");

        assertThat(query.words()).containsExactly("a", "b", "c");
        assertThat(query.prefix()).isEqualTo("d");
    }

    @Test
    void queryWithoutLettersOrDigitsIsEmpty() {
        assertThat(SearchQuery.parse("&|!:*()\\ \uD83D\uDE00 \"\"").isEmpty()).isTrue();
    }

    @Test
    void wordsBeyondTheMaximumAreIgnored() {
        SearchQuery query = SearchQuery.parse("w ".repeat(10) + "x".repeat(3) + " a b c d e f g h i j k l m n o p q r s t u v w x y z");

        assertThat(query.words().size() + (query.prefix() == null ? 0 : 1)).isLessThanOrEqualTo(SearchQuery.MAX_TERMS);
    }
}
