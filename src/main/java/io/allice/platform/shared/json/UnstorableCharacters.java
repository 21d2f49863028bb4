package io.allice.platform.shared.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.allice.platform.shared.error.FieldViolation;

/**
 * Finds the characters that the databases cannot store in request values: the NUL character
 * (U+0000) and unpaired surrogates (U+D800 to U+DFFF without their other half, which JSON allows
 * as {@code \\uD800} escapes). PostgreSQL stores no NUL in text or jsonb. An unpaired surrogate
 * is not valid UTF-8: H2 rejects it in JSON, and Java's UTF-8 encoding on the way to a text
 * column turns it into {@code ?}. A value holding either is rejected as input, instead of
 * failing later as a database error or changing on the way.
 */
public final class UnstorableCharacters {

    public static final String MESSAGE = "must not contain the NUL character (\\u0000) or an unpaired surrogate "
            + "(\\uD800 to \\uDFFF)";

    /**
     * The same rule for {@code @Pattern}: Java's regular expressions read a valid surrogate pair as one
     * code point outside the class, and an unpaired surrogate as one inside it.
     */
    public static final String ALLOWED_PATTERN = "[^\\x00\\uD800-\\uDFFF]*";

    private UnstorableCharacters() {
    }

    /** Returns a violation for each field whose value contains U+0000 or an unpaired surrogate; null values are skipped. */
    public static List<FieldViolation> violations(Map<String, ?> valuesByField) {
        List<FieldViolation> violations = new ArrayList<>();
        valuesByField.forEach((field, value) -> {
            if (contains(value)) {
                violations.add(new FieldViolation(field, MESSAGE));
            }
        });
        return violations;
    }

    /** Whether the value, or any key or value nested in it, contains U+0000 or an unpaired surrogate. */
    public static boolean contains(Object value) {
        return switch (value) {
            case null -> false;
            case CharSequence text -> unstorable(text);
            case Map<?, ?> map -> map.entrySet().stream()
                    .anyMatch(entry -> contains(entry.getKey()) || contains(entry.getValue()));
            case Collection<?> list -> list.stream().anyMatch(UnstorableCharacters::contains);
            default -> false;
        };
    }

    private static boolean unstorable(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
