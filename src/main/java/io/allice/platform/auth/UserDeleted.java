package io.allice.platform.auth;

/** Published after an account was deleted, so other areas can drop what they keep for it. */
public record UserDeleted(long userId) {
}
