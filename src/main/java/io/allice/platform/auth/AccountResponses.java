package io.allice.platform.auth;

import java.time.Instant;

import io.allice.platform.shared.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;

/** Response bodies of the accounts endpoints. */
final class AccountResponses {

    private AccountResponses() {
    }

    record UserView(
            @Schema(example = "1") long id,
            @Schema(example = "alice") String username,
            @Schema(example = "alice@example.com") String email,
            @Schema(example = "user") Role role,
            @Schema(example = "2024-01-01T00:00:00Z") Instant createdAt) {

        static UserView of(UserAccount account) {
            return new UserView(account.id(), account.username(), account.email(), account.role(), account.createdAt());
        }
    }

    record TokenView(
            String accessToken,
            @Schema(example = "bearer") String tokenType,
            @Schema(description = "Seconds until the token expires", example = "86400") long expiresIn,
            UserView user) {

        @Override
        public String toString() {
            return "TokenView[user=" + user.id() + "]";
        }
    }

    record Message(@Schema(example = "Logged out") String message) {
    }
}
