package io.allice.platform.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The text rules that both engines share, so that a word matches the same way on PostgreSQL and
 * on Lucene. Accents and other marks are removed (NFKD, then ASCII folding) and letters are made
 * lower case. Everything that is not a letter or digit separates words.
 */
final class SearchText {

    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /** Returns the words of the text, folded and separated by single spaces; empty for {@code null}. */
    static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // Every record write folds its text. ASCII text has no marks and nothing to decompose or
        // fold, so only other text takes the slower steps.
        String folded = isAscii(text) ? text : foldToAscii(text);
        return NOT_LETTERS_OR_DIGITS.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Returns the text without marks and folded to ASCII where a character has an ASCII form. */
    static String foldToAscii(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder unmarked = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(codePoint -> !isMark(codePoint)).forEach(unmarked::appendCodePoint);

        char[] input = unmarked.toString().toCharArray();
        // ASCII folding writes at most four characters for each one it reads.
        char[] folded = new char[input.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(input, 0, folded, 0, input.length);
        return new String(folded, 0, length);
    }

    /** Returns the folded words of the text. */
    static List<String> words(String text) {
        String folded = fold(text);
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }

    /** Returns the English stem of a folded word, or {@code null} for a stop word, which no engine indexes. */
    static String stem(String word) {
        if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
            return null;
        }
        // Snowball stemmers keep state, so each call takes its own.
        EnglishStemmer stemmer = new EnglishStemmer();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** Returns the runs of letters, digits and marks in the original text, with their offsets. */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int start = -1;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            boolean inWord = Character.isLetterOrDigit(codePoint) || isMark(codePoint);
            if (inWord && start < 0) {
                start = offset;
            } else if (!inWord && start >= 0) {
                tokens.add(new Token(start, offset, text.substring(start, offset)));
                start = -1;
            }
            offset += Character.charCount(codePoint);
        }
        if (start >= 0) {
            tokens.add(new Token(start, text.length(), text.substring(start)));
        }
        return tokens;
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** A word of the original text: {@code start} inclusive, {@code end} exclusive. */
    record Token(int start, int end, String text) {
    }
}
