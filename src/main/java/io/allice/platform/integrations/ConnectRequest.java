package io.allice.platform.integrations;

import java.util.Map;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;
import io.allice.platform.shared.json.UnstorableCharacters;

/**
 * The body of {@code POST /api/integrations/{service}/connect}.
 *
 * @param accessToken the account's token; required for every service but TradingView
 * @param refreshToken the OAuth refresh token, or null
 * @param expiresIn seconds until the access token expires, or null when unknown
 * @param config settings of the connection, stored as given
 */
record ConnectRequest(String accessToken, String refreshToken, Long expiresIn, Map<String, Object> config) {

    static final int MAX_TOKEN_LENGTH = 8192;

    @Override
    public String toString() {
        return "ConnectRequest[accessToken=<hidden>, refreshToken=<hidden>, expiresIn=" + expiresIn + "]";
    }

    /** Rejects missing or malformed tokens with 400, naming the field. */
    void validate(boolean tokenRequired) {
        if (tokenRequired && (accessToken == null || accessToken.isBlank())) {
            throw ApiException.invalidField("access_token", "is required");
        }
        check("access_token", accessToken);
        check("refresh_token", refreshToken);
        if (expiresIn != null && expiresIn <= 0) {
            throw ApiException.invalidField("expires_in", "must be a positive number of seconds");
        }
        if (UnstorableCharacters.contains(config)) {
            throw ApiException.invalidFields(java.util.List.of(new FieldViolation("config", UnstorableCharacters.MESSAGE)));
        }
    }

    private static void check(String field, String token) {
        if (token == null) {
            return;
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw ApiException.invalidField(field, "must be at most " + MAX_TOKEN_LENGTH + " characters");
        }
        if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ApiException.invalidField(field, "must be printable ASCII without spaces");
        }
    }
}
