package io.allice.platform.analytics;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The width of a time-series bucket. Buckets start at whole UTC hours or UTC midnight. */
enum Bucket {
    HOUR(3_600),
    DAY(86_400);

    static final String ALLOWED = "hour or day";

    private final long seconds;

    Bucket(long seconds) {
        this.seconds = seconds;
    }

    long seconds() {
        return seconds;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the start of the bucket that contains the instant. */
    Instant startOf(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds);
    }

    static Optional<Bucket> parse(String value) {
        for (Bucket bucket : values()) {
            if (bucket.wireName().equals(value)) {
                return Optional.of(bucket);
            }
        }
        return Optional.empty();
    }
}
