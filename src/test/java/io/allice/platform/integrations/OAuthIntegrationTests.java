package io.allice.platform.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The OAuth authorisation-code flow with PKCE against GitHub's stand-in, and its state checks. */
class OAuthIntegrationTests extends IntegrationsIntegrationTest {

    private static final String REDIRECT_URI = "https://allice.example.test/api/integrations/github/callback";

    @Test
    void authorizeBuildsProviderUrl() throws Exception {
        Session user = api.registerNew("oauth_url");

        Response response = api.get("/api/integrations/github/authorize", user.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        URI url = URI.create(json.get("authorization_url").asString());
        assertThat(url.getScheme() + "://" + url.getAuthority() + url.getPath())
                .isEqualTo("http://127.0.0.1:" + GITHUB.port() + "/login/oauth/authorize");
        Map<String, String> query = query(url);
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
                .containsEntry("redirect_uri", REDIRECT_URI).containsEntry("scope", "repo read:user")
                .containsEntry("code_challenge_method", "S256").containsEntry("state", json.get("state").asString());
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(json.get("redirect_uri").asString()).isEqualTo(REDIRECT_URI);
        assertThat(json.get("expires_at").asString()).endsWith("Z");
    }

    @Test
    void callbackExchangesCodeWithVerifier() throws Exception {
        Session user = api.registerNew("oauth_exchange");
        String state = authorize(user);
        String challenge = query(URI.create(lastAuthorizationUrl)).get("code_challenge");
        stubCodeExchange("code-123", "gho_from_oauth");
        github.knowsToken("gho_from_oauth", "oauth-user");

        Response response = api.get("/api/integrations/github/callback?code=code-123&state=" + encode(state), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("account").asString()).isEqualTo("oauth-user");
        assertThat(response.json().get("connected").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain("gho_from_oauth");
        LoggedRequest exchange = GITHUB.findAll(postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))).getFirst();
        Map<String, String> form = form(exchange.getBodyAsString());
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "code-123")
                .containsEntry("redirect_uri", REDIRECT_URI).containsEntry("client_id", CLIENT_ID)
                .containsEntry("client_secret", CLIENT_SECRET);
        String verifier = form.get("code_verifier");
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertThat(challenge).isEqualTo(expected);
        JsonNode status = api.get("/api/integrations/github/status", user.token()).json();
        assertThat(status.get("account").asString()).isEqualTo("oauth-user");
        assertThat(String.valueOf(storedRow(user, "github").get("access_token"))).doesNotContain("gho_from_oauth");
    }

    @Test
    void replayedStateIs400() {
        Session user = api.registerNew("oauth_replay");
        String state = authorize(user);
        stubCodeExchange("code-replay", "gho_replay");
        github.knowsToken("gho_replay", "octocat");
        api.get("/api/integrations/github/callback?code=code-replay&state=" + encode(state), null);

        Response replay = api.get("/api/integrations/github/callback?code=code-replay&state=" + encode(state), null);

        assertThat(replay.status()).as(replay.toString()).isEqualTo(400);
        assertThat(replay.json().get("errors").get(0).get("message").asString()).startsWith("has already been used");
        GITHUB.verify(1, postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));
    }

    @Test
    void tamperedStateIs400() {
        Session user = api.registerNew("oauth_tampered");
        String state = authorize(user);
        String[] parts = state.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String otherUser = payload.replaceFirst("\\.\\d+\\.", "." + (user.userId() + 1) + ".");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(otherUser.getBytes(StandardCharsets.UTF_8))
                + "." + parts[1];

        Response forgedResponse = api.get("/api/integrations/github/callback?code=c&state=" + encode(forged), null);
        Response garbage = api.get("/api/integrations/github/callback?code=c&state=not-a-state", null);
        Response missing = api.get("/api/integrations/github/callback?code=c", null);

        assertThat(forgedResponse.status()).as(forgedResponse.toString()).isEqualTo(400);
        assertThat(forgedResponse.json().get("errors").get(0).get("message").asString())
                .isEqualTo("is not a state this service issued");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(400);
        GITHUB.verify(0, postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));
    }

    @Test
    void expiredStateIs400() {
        Session user = api.registerNew("oauth_expired");
        OAuthStates states = new OAuthStates(jdbc, cipher.derive("oauth-state"));
        Instant past = Instant.now().minusSeconds(60);
        states.insert("expired-nonce-" + user.userId(), user.userId(), ServiceName.GITHUB, null, past);
        String state = states.sign("expired-nonce-" + user.userId(), user.userId(), ServiceName.GITHUB, past);

        Response response = api.get("/api/integrations/github/callback?code=c&state=" + encode(state), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("has expired; start the authorisation again");
        GITHUB.verify(0, postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));
    }

    @Test
    void stateOfAnotherServiceIs400() {
        Session user = api.registerNew("oauth_foreign");
        String state = authorize(user);

        Response response = api.get("/api/integrations/tradingview/callback?code=c&state=" + encode(state), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo("was issued for another service");
    }

    @Test
    void deniedAccessIs400WithProviderWords() {
        Session user = api.registerNew("oauth_denied");
        String state = authorize(user);

        Response response = api.get("/api/integrations/github/callback?error=access_denied"
                + "&error_description=The+user+has+denied+your+application+access.&state=" + encode(state), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("GitHub did not grant access: access_denied (The user has denied your application access.)");
        assertThat(api.get("/api/integrations/github/status", user.token()).status()).isEqualTo(404);
    }

    @Test
    void rejectedCodeIs400() {
        Session user = api.registerNew("oauth_bad_code");
        String state = authorize(user);
        // GitHub responds to a bad code with 200 and an error body.
        GITHUB.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).willReturn(okJson("""
                {"error": "bad_verification_code", "error_description": "The code passed is incorrect or expired.",
                 "error_uri": "https://docs.github.com/apps/troubleshooting"}""")));

        Response response = api.get("/api/integrations/github/callback?code=wrong&state=" + encode(state), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo(
                "GitHub rejected the authorisation code: bad_verification_code: The code passed is incorrect or expired.");
    }

    @Test
    void serviceWithoutOAuthIs400() {
        Session user = api.registerNew("oauth_tradingview");

        Response response = api.get("/api/integrations/tradingview/authorize", user.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("has no OAuth authorisation");
    }

    @Autowired
    TokenCipher cipher;

    private String lastAuthorizationUrl;

    private String authorize(Session user) {
        Response response = api.get("/api/integrations/github/authorize", user.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        lastAuthorizationUrl = response.json().get("authorization_url").asString();
        return response.json().get("state").asString();
    }

    private void stubCodeExchange(String code, String accessToken) {
        GITHUB.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\": \"" + accessToken + "\", \"scope\": \"repo,read:user\", "
                        + "\"token_type\": \"bearer\"}")));
    }

    private static Map<String, String> query(URI url) {
        return form(url.getRawQuery());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
