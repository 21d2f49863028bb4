package io.allice.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SearchTextTests {

    /** fold skips the folding steps for ASCII text, which is right only if they never change it. */
    @Test
    void foldingLeavesAsciiUnchanged() {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            every.append(c);
        }
        assertThat(SearchText.foldToAscii(every.toString())).isEqualTo(every.toString());
        for (int i = 0; i < 1_000; i++) {
            char[] text = new char[random.nextInt(1, 40)];
            for (int j = 0; j < text.length; j++) {
                text[j] = (char) random.nextInt(0x80);
            }
            assertThat(SearchText.foldToAscii(new String(text))).isEqualTo(new String(text));
        }
    }

    @Test
    void foldRemovesAccentsAndCase() {
        assertThat(SearchText.fold("Crème BRÛLÉE")).isEqualTo("creme brulee");
    }

    @Test
    void foldHandlesLettersWithoutDecomposition() {
        assertThat(SearchText.fold("Straße Øresund Łódź")).isEqualTo("strasse oresund lodz");
    }

    @Test
    void foldSeparatesWordsAtPunctuation() {
        assertThat(SearchText.fold("quarterly_report-2024.pdf")).isEqualTo("quarterly report 2024 pdf");
    }

    @Test
    void foldKeepsOtherScripts() {
        assertThat(SearchText.fold("Привет, 日本語!")).isEqualTo("привет 日本語");
    }

    @Test
    void foldOfNothingIsEmpty() {
        assertThat(SearchText.fold(null)).isEmpty();
        assertThat(SearchText.fold("\u0000 \uD83D\uDE00 &")).isEmpty();
    }

    @Test
    void stemMapsWordFormsTogether() {
        assertThat(SearchText.stem("connected")).isEqualTo(SearchText.stem("connecting"));
        assertThat(SearchText.stem("pipelines")).isEqualTo(SearchText.stem("pipeline"));
    }

    @Test
    void stemOfStopWordIsNull() {
        assertThat(SearchText.stem("the")).isNull();
    }

    @Test
    void tokensKeepOffsetsOfTheOriginalText() {
        assertThat(SearchText.tokens("Tom & Jérôme")).containsExactly(
                new SearchText.Token(0, 3, "Tom"), new SearchText.Token(6, 12, "Jérôme"));
    }
}
