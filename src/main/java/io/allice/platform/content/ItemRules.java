package io.allice.platform.content;

import java.util.List;
import java.util.Map;

import io.allice.platform.shared.error.FieldViolation;

/** Limits on item fields, shared by creation and update so both reject the same input. */
final class ItemRules {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 10_000;
    /**
     * Text with at least one non-whitespace character. A pattern rather than {@code @NotBlank},
     * because {@code @NotBlank} also fails on null and would report a missing title twice.
     */
    static final String NOT_BLANK_PATTERN = "(?s).*\\S.*";
    static final String ITEM_TYPE_PATTERN = "^[A-Za-z0-9_.-]{1,50}$";
    static final String ITEM_TYPE_MESSAGE = "must be 1 to 50 letters, digits, '_', '.' or '-'";
    static final String DEFAULT_ITEM_TYPE = "post";
    static final int MAX_PAGE_SIZE = 1000;
    static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private ItemRules() {
    }

    /**
     * Adds a violation when {@code value}, or any JSON key or string inside it, contains
     * U+0000. PostgreSQL text and JSON columns cannot store that character, so it is rejected
     * here instead of failing in the database as a 500.
     */
    static void checkNoNul(String field, Object value, List<FieldViolation> violations) {
        if (containsNul(value)) {
            violations.add(new FieldViolation(field, NUL_MESSAGE));
        }
    }

    static boolean containsNul(Object value) {
        return switch (value) {
            case String text -> text.indexOf('\u0000') >= 0;
            case Map<?, ?> map -> map.entrySet().stream()
                    .anyMatch(entry -> containsNul(entry.getKey()) || containsNul(entry.getValue()));
            case List<?> list -> list.stream().anyMatch(ItemRules::containsNul);
            case null, default -> false;
        };
    }
}
