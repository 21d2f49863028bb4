package io.allice.platform.auth;

import io.allice.platform.shared.json.UnstorableCharacters;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the accounts endpoints. */
final class AccountRequests {

    /** Letters, digits, underscore, dot and hyphen, 3 to 50 of them. */
    static final String USERNAME_PATTERN = "^[A-Za-z0-9_.-]{3,50}$";
    /**
     * A practical address check: one @, no spaces, and a domain with a dot. RFC 5321 limits an
     * address to 254 characters.
     */
    static final String EMAIL_PATTERN = "^[^@\\s\\x00]{1,64}@[^@\\s.\\x00]+(\\.[^@\\s.\\x00]+)+$";

    private AccountRequests() {
    }

    record Register(
            @Schema(example = "alice")
            @NotNull(message = "is required")
            @Pattern(regexp = USERNAME_PATTERN,
                    message = "must be 3 to 50 letters, digits, '_', '.' or '-'") String username,
            @Schema(example = "alice@example.com")
            @NotNull(message = "is required")
            @Size(max = 254, message = "must be at most 254 characters")
            @Pattern(regexp = EMAIL_PATTERN, message = "must be a valid e-mail address") String email,
            @Schema(example = "correct horse battery")
            @NotNull(message = "is required")
            @Size(min = 8, message = "must be at least 8 characters") String password) {

        @Override
        public String toString() {
            return "Register[username=" + username + "]";
        }
    }

    record Login(
            @Schema(description = "The username or the e-mail address", example = "alice")
            @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters")
            @Pattern(regexp = UnstorableCharacters.ALLOWED_PATTERN, message = UnstorableCharacters.MESSAGE) String username,
            @Schema(example = "correct horse battery")
            @NotBlank(message = "is required") @Size(max = 1024, message = "must be at most 1024 characters") String password) {

        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    record DeleteAccount(@NotBlank(message = "is required") String password) {

        @Override
        public String toString() {
            return "DeleteAccount[]";
        }
    }
}
