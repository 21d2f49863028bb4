package io.allice.platform.shared.security;

/**
 * The caller of a request, as stored for the token's account. It is cached between requests and
 * reloaded once the role changes or the account is deleted (see {@code AccessCache}). Inject it
 * with {@code @AuthenticationPrincipal}.
 */
public record AuthenticatedUser(long id, String username, Role role) {

    /**
     * The request attribute that contains the caller once the token is verified. It outlives the
     * security context, so filters that run around the security chain can still read it.
     */
    public static final String REQUEST_ATTRIBUTE = AuthenticatedUser.class.getName();

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
