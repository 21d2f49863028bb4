package io.allice.platform.shared.json;

import java.util.function.Consumer;

/**
 * One field of an update body. A field missing from the body keeps the stored value, so
 * {@code present} is false. A field present with {@code null} clears an optional value.
 *
 * @param <T> the field's type
 */
public record FieldChange<T>(boolean present, T value) {

    private static final FieldChange<?> ABSENT = new FieldChange<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> FieldChange<T> absent() {
        return (FieldChange<T>) ABSENT;
    }

    public static <T> FieldChange<T> to(T value) {
        return new FieldChange<>(true, value);
    }

    /** Passes the new value, null included, to {@code setter} when the body named the field. */
    public void applyTo(Consumer<? super T> setter) {
        if (present) {
            setter.accept(value);
        }
    }
}
