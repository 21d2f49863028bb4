package io.allice.platform.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bearer tokens built by hand, each with one defect, must each get 401 with a Bearer challenge
 * and a problem body. A valid token built the same way must pass, which shows the construction
 * itself is right.
 */
@IntegrationTest
class AccessTokenDefectsIntegrationTests {

    private static final String OTHER_SECRET = "another-secret-key-that-is-also-32-bytes-long";
    /** An id far beyond any account these tests create. */
    private static final long MISSING_USER_ID = 999_999_999_999L;

    /** Token defects, each applied to a token for the given account id. */
    enum Defect {
        UNSIGNED(userId -> new PlainJWT(validClaims(userId).build()).serialize()),
        SIGNED_WITH_OTHER_SECRET(userId -> signed(JWSAlgorithm.HS256, validClaims(userId).build(), OTHER_SECRET)),
        SIGNED_WITH_HS512(userId -> signedWithHs512(validClaims(userId).build())),
        EXPIRED(userId -> signed(validClaims(userId)
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build())),
        WITHOUT_EXPIRY(userId -> signed(validClaims(userId).expirationTime(null).build())),
        WITHOUT_TOKEN_ID(userId -> signed(validClaims(userId).jwtID(null).build())),
        WRONG_ISSUER(userId -> signed(validClaims(userId).issuer("someone-else").build())),
        UNKNOWN_SUBJECT(userId -> signed(validClaims(MISSING_USER_ID).build())),
        NON_NUMERIC_SUBJECT(userId -> signed(validClaims(userId).subject("alice").build())),
        GARBAGE(userId -> "not-a-jwt-at-all");

        private final LongFunction<String> tokenBuilder;

        Defect(LongFunction<String> tokenBuilder) {
            this.tokenBuilder = tokenBuilder;
        }

        String tokenFor(long userId) {
            return tokenBuilder.apply(userId);
        }
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    @Test
    void acceptsValidHandBuiltToken() {
        Session account = api.registerNew("jwt");
        String token = signed(validClaims(account.userId()).build());

        Response response = api.get("/api/auth/me", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asLong()).isEqualTo(account.userId());
    }

    @ParameterizedTest
    @EnumSource(Defect.class)
    void rejectsDefectiveToken(Defect defect) {
        Session account = api.registerNew("jwt");
        String token = defect.tokenFor(account.userId());

        Response response = api.get("/api/auth/me", token);

        assertUnauthorizedProblem(response);
    }

    @Test
    void rejectsMissingAuthorizationHeader() {
        Response response = api.get("/api/auth/me", null);

        assertUnauthorizedProblem(response);
    }

    @Test
    void rejectsNonBearerScheme() {
        Session account = api.registerNew("jwt");

        Response response = api.send("GET", "/api/auth/me", null, null,
                Map.of("Authorization", "Basic " + account.token()));

        assertUnauthorizedProblem(response);
    }

    private static void assertUnauthorizedProblem(Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
    }

    /** Claims as the service issues them: its issuer, the account id as subject, an id and a future expiry. */
    private static JWTClaimsSet.Builder validClaims(long userId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("allice")
                .subject(Long.toString(userId))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    private static String signed(JWTClaimsSet claims) {
        return signed(JWSAlgorithm.HS256, claims, TestAccounts.JWT_SECRET);
    }

    /**
     * Signs with HS512 and the service's own key. Nimbus rejects keys shorter than 64 bytes for
     * HS512, so the MAC is computed here directly.
     */
    private static String signedWithHs512(JWTClaimsSet claims) {
        String signingInput = new JWSHeader(JWSAlgorithm.HS512).toBase64URL() + "." + Base64URL.encode(claims.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(TestAccounts.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return signingInput + "." + Base64URL.encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing the test token failed", e);
        }
    }

    private static String signed(JWSAlgorithm algorithm, JWTClaimsSet claims, String secret) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the test token failed", e);
        }
        return jwt.serialize();
    }
}
