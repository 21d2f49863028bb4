package io.allice.platform.shared.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.allice.platform.shared.error.FieldViolation;

/**
 * Finds the NUL character (U+0000) in request values. PostgreSQL stores neither it in text
 * nor the escape in jsonb, so a value holding it must be rejected as input instead of
 * failing later as a database error.
 */
public final class NulCharacters {

    public static final String MESSAGE = "must not contain the NUL character (\\u0000)";

    private NulCharacters() {
    }

    /** Returns a violation for each field whose value contains U+0000; null values are skipped. */
    public static List<FieldViolation> violations(Map<String, ?> valuesByField) {
        List<FieldViolation> violations = new ArrayList<>();
        valuesByField.forEach((field, value) -> {
            if (contains(value)) {
                violations.add(new FieldViolation(field, MESSAGE));
            }
        });
        return violations;
    }

    /** Whether the value, or any key or value nested in it, contains U+0000. */
    public static boolean contains(Object value) {
        return switch (value) {
            case null -> false;
            case CharSequence text -> text.chars().anyMatch(c -> c == 0);
            case Map<?, ?> map -> map.entrySet().stream()
                    .anyMatch(entry -> contains(entry.getKey()) || contains(entry.getValue()));
            case Collection<?> list -> list.stream().anyMatch(NulCharacters::contains);
            default -> false;
        };
    }
}
