package io.allice.platform.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The loop checks against the regular expressions they replace, on every code point and on mixed text. */
class HeaderCharactersTests {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithPatternOnEveryCodePoint() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";

            assertThat(HeaderCharacters.assignedAndNotControl(text)).as("U+%04X in a name", codePoint)
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderCharacters.validHeaderValue(text)).as("U+%04X in a value", codePoint)
                    .isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void agreesWithPatternOnRandomText() {
        Random random = new Random(7);
        List<String> samples = new ArrayList<>(List.of("", "\t", "Bearer abc.def", "a\uD800", "\uDC00b",
                "\uD83D\uDE00", "x\u0085y", "tab\there", "caf\u00e9"));
        char[] alphabet = {'a', 'Z', ' ', '\t', '\n', '\u0000', '\u007f', '\u0085', '\u00a0', '\u0378', '\uD83D',
                '\uDE00', '\uFFFF', '\u2028'};
        for (int sample = 0; sample < 5_000; sample++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(8); length > 0; length--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            samples.add(text.toString());
        }

        for (String text : samples) {
            assertThat(HeaderCharacters.assignedAndNotControl(text)).as(text).isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderCharacters.validHeaderValue(text)).as(text).isEqualTo(VALUE.matcher(text).matches());
        }
    }
}
