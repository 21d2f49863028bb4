package io.allice.platform.ai;

import java.util.List;

/** Reads a provider's {@code Retry-After} header in its seconds form. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** Returns the seconds, or null when the header is missing or is an HTTP date. */
    static Long parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return (long) Math.ceil(Double.parseDouble(values.getFirst().trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
