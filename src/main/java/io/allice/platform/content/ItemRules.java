package io.allice.platform.content;

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

    private ItemRules() {
    }
}
