package io.allice.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
        String forty = IntStream.rangeClosed(1, 40).mapToObj(number -> "w" + number).collect(Collectors.joining(" "));

        SearchQuery query = SearchQuery.parse(forty);

        assertThat(query.words()).hasSize(SearchQuery.MAX_TERMS - 1);
        assertThat(query.prefix()).isEqualTo("w" + SearchQuery.MAX_TERMS);
    }
}
