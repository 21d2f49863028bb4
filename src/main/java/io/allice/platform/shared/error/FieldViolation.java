package io.allice.platform.shared.error;

/** One invalid input: the field (or query parameter) and what is wrong with it. */
public record FieldViolation(String field, String message) {
}
