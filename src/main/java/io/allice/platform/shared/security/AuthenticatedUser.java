package io.allice.platform.shared.security;

/**
 * The caller of a request, as loaded from the database for each request, so that a changed
 * role or a deleted account takes effect at once. Inject it with {@code @AuthenticationPrincipal}.
 */
public record AuthenticatedUser(long id, String username, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
