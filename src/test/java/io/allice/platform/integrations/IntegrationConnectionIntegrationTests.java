package io.allice.platform.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.allice.platform.integrations.GitHubStandIn.Repo;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Connecting, listing, reading and disconnecting integrations, with GitHub's stand-in. */
class IntegrationConnectionIntegrationTests extends IntegrationsIntegrationTest {

    @Test
    void connectChecksIdentity() {
        Session user = api.registerNew("int_connect");

        Response response = connectGitHub(user, "ghp_connect_token_1", "octocat");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(json.get("service_name").asString()).isEqualTo("github");
        assertThat(json.get("account").asString()).isEqualTo("octocat");
        assertThat(json.get("connected").asBoolean()).isTrue();
        assertThat(json.get("needs_reconnect").asBoolean()).isFalse();
        assertThat(json.get("sync_status").asString()).isEqualTo("idle");
        assertThat(json.get("last_sync").isNull()).isTrue();
        assertThat(json.get("error_message").isNull()).isTrue();
        assertThat(json.get("items_synced").isNull()).isTrue();
        assertThat(json.get("items_synced_total").asLong()).isZero();
        assertThat(json.get("id").asLong()).isPositive();
        assertThat(json.get("created_at").asString()).endsWith("Z");
        assertThat(response.body()).doesNotContain("ghp_connect_token_1");
        GITHUB.verify(getRequestedFor(urlPathEqualTo("/user"))
                .withHeader("Authorization", equalTo("Bearer ghp_connect_token_1"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withHeader("Accept", equalTo("application/vnd.github+json")));
    }

    @Test
    void rejectedTokenIs400() {
        Session user = api.registerNew("int_rejected");
        github.rejectsToken("ghp_revoked");

        Response response = api.post("/api/integrations/github/connect", user.token(), Map.of("access_token", "ghp_revoked"));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("access_token");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .startsWith("GitHub rejected the token: Bad credentials");
        assertThat(api.get("/api/integrations/github/status", user.token()).status()).isEqualTo(404);
    }

    @Test
    void serviceDownIs502() {
        Session user = api.registerNew("int_down");
        GITHUB.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(503)
                .withBody("{\"message\": \"Service Unavailable\"}")));

        Response response = api.post("/api/integrations/github/connect", user.token(), Map.of("access_token", "ghp_down"));

        assertThat(response.status()).as(response.toString()).isEqualTo(502);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("Could not check the token with GitHub: GitHub answered 503 after 2 retries: Service Unavailable");
    }

    @Test
    void storesTokensEncrypted() {
        Session user = api.registerNew("int_encrypted");
        github.knowsToken("ghp_secret_access_value", "octocat");

        Response response = api.post("/api/integrations/github/connect", user.token(),
                Map.of("access_token", "ghp_secret_access_value", "refresh_token", "ghr_secret_refresh_value"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Map<String, Object> row = storedRow(user, "github");
        String access = String.valueOf(row.get("access_token"));
        String refresh = String.valueOf(row.get("refresh_token"));
        assertThat(access).startsWith("v1:").doesNotContain("ghp_secret_access_value");
        assertThat(refresh).startsWith("v1:").doesNotContain("ghr_secret_refresh_value");
        assertThat(decodedPart(access)).doesNotContain("ghp_secret_access_value");
        assertThat(row.values().stream().map(String::valueOf))
                .noneMatch(value -> value.contains("ghp_secret") || value.contains("ghr_secret"));
        assertThat(api.get("/api/integrations/github/status", user.token()).body()).doesNotContain("secret");
    }

    @Test
    void reconnectReplacesTokens() {
        Session user = api.registerNew("int_reconnect");
        github.knowsToken("ghp_first", "octocat");
        api.post("/api/integrations/github/connect", user.token(),
                Map.of("access_token", "ghp_first", "config", Map.of("organisation", "allice")));
        String firstCiphertext = String.valueOf(storedRow(user, "github").get("access_token"));
        github.servesRepos("ghp_second", List.of(List.of(new Repo(1, "octocat/one", null, "2024-01-01T00:00:00Z"))));

        Response second = connectGitHub(user, "ghp_second", "octocat");

        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(storedRow(user, "github").get("access_token")).isNotEqualTo(firstCiphertext);
        assertThat(String.valueOf(storedRow(user, "github").get("config"))).contains("organisation").contains("allice");
        assertThat(api.get("/api/integrations", user.token()).json()).hasSize(1);
        Response sync = sync(user, "github", "full");
        assertThat(sync.json().get("sync_status").asString()).as(sync.toString()).isEqualTo("completed");
        GITHUB.verify(getRequestedFor(urlPathEqualTo("/user/repos")).withHeader("Authorization", equalTo("Bearer ghp_second")));
    }

    @Test
    void listsOwnIntegrations() {
        Session user = api.registerNew("int_list");
        connectGitHub(user, "ghp_list", "octocat");
        api.post("/api/integrations/tradingview/connect", user.token(), Map.of());

        Response response = api.get("/api/integrations", user.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).hasSize(2);
        assertThat(response.json().get(0).get("service_name").asString()).isEqualTo("github");
        assertThat(response.json().get(1).get("service_name").asString()).isEqualTo("tradingview");
        assertThat(response.body()).doesNotContain("ghp_list").doesNotContain("webhook_url\":\"http");
    }

    @Test
    void statusOfUnconnectedIs404() {
        Session user = api.registerNew("int_none");

        Response response = api.get("/api/integrations/github/status", user.token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("GitHub is not connected");
    }

    @Test
    void disconnectRevokesAndKeepsItems() {
        Session user = api.registerNew("int_disconnect");
        connectGitHub(user, "ghp_disconnect", "octocat");
        github.servesRepos("ghp_disconnect", List.of(List.of(new Repo(11, "octocat/kept", "stays", "2024-01-01T00:00:00Z"))));
        sync(user, "github", "full");
        GITHUB.stubFor(request("DELETE", urlPathEqualTo("/applications/" + CLIENT_ID + "/token"))
                .willReturn(aResponse().withStatus(204)));

        Response response = api.delete("/api/integrations/github", user.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(204);
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        GITHUB.verify(requestedFor("DELETE", urlPathEqualTo("/applications/" + CLIENT_ID + "/token"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(equalToJson("{\"access_token\": \"ghp_disconnect\"}")));
        assertThat(api.get("/api/integrations/github/status", user.token()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from integrations where user_id = :user").param("user", user.userId())
                .query(Long.class).single()).isZero();
        assertThat(items(user, "github_repository")).hasSize(1);
    }

    @Test
    void disconnectSurvivesFailedRevocation() {
        Session user = api.registerNew("int_revoke_fails");
        connectGitHub(user, "ghp_revoke_fails", "octocat");
        GITHUB.stubFor(request("DELETE", urlPathEqualTo("/applications/" + CLIENT_ID + "/token"))
                .willReturn(aResponse().withStatus(500)));

        Response response = api.delete("/api/integrations/github", user.token());

        assertThat(response.status()).isEqualTo(204);
        assertThat(api.get("/api/integrations/github/status", user.token()).status()).isEqualTo(404);
    }

    @Test
    void foreignIntegrationIsNotFound() {
        Session owner = api.registerNew("int_owner");
        Session other = api.registerNew("int_other");
        connectGitHub(owner, "ghp_owner", "octocat");

        assertThat(api.get("/api/integrations/github/status", other.token()).status()).isEqualTo(404);
        assertThat(sync(other, "github", "full").status()).isEqualTo(404);
        assertThat(api.delete("/api/integrations/github", other.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/integrations", other.token()).json()).isEmpty();
        assertThat(api.get("/api/integrations/github/status", owner.token()).status()).isEqualTo(200);
        GITHUB.verify(0, getRequestedFor(urlPathEqualTo("/user/repos")));
    }

    @Test
    void unknownServiceIs400() {
        Session user = api.registerNew("int_unknown");

        Response response = api.post("/api/integrations/myspace/connect", user.token(), Map.of("access_token", "x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isEqualTo("Unknown integration service 'myspace'; supported "
                + "services: google_drive, tradingview, dropbox, onedrive, github, gitlab, slack, discord, twitter, linkedin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"access_token\": \"\"}", "{\"access_token\": \"has space\"}",
            "{\"access_token\": \"ok\", \"expires_in\": 0}", "{\"access_token\": 5}"})
    void invalidConnectBodyIs400(String body) {
        Session user = api.registerNew("int_invalid");

        Response response = api.post("/api/integrations/github/connect", user.token(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        GITHUB.verify(0, getRequestedFor(urlPathEqualTo("/user")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"sync_type\": \"partial\"}", "{\"sync_type\": 1}", "{\"options\": []}", "[]"})
    void invalidSyncBodyIs400(String body) {
        Session user = api.registerNew("int_sync_invalid");
        connectGitHub(user, "ghp_sync_invalid", "octocat");

        Response response = api.post("/api/integrations/github/sync", user.token(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        GITHUB.verify(0, getRequestedFor(urlPathEqualTo("/user/repos")));
    }

    @Test
    void endpointsNeedToken() {
        assertThat(api.get("/api/integrations", null).status()).isEqualTo(401);
        assertThat(api.post("/api/integrations/github/connect", null, Map.of("access_token", "x")).status()).isEqualTo(401);
        assertThat(api.post("/api/integrations/github/sync", null, Map.of()).status()).isEqualTo(401);
        assertThat(api.get("/api/integrations/github/authorize", null).status()).isEqualTo(401);
        assertThat(api.delete("/api/integrations/github", null).status()).isEqualTo(401);
    }

    @Test
    void documentsEndpoints() {
        JsonNode document = api.get("/openapi.json", null).json();

        JsonNode sync = document.at("/paths/~1api~1integrations~1{service}~1sync/post");
        assertThat(sync.at("/responses").has("200")).isTrue();
        assertThat(sync.at("/responses").has("202")).isTrue();
        assertThat(document.at("/paths/~1api~1integrations~1{service}~1connect/post/responses").has("201")).isTrue();
        assertThat(document.at("/paths/~1api~1integrations~1{service}/delete/responses").has("204")).isTrue();
        assertThat(document.at("/paths/~1api~1integrations~1{service}~1callback/get/security")).isEmpty();
        assertThat(document.at("/paths/~1api~1integrations~1tradingview~1webhook~1{secret}/post/security")).isEmpty();
        assertThat(document.at("/paths/~1api~1integrations~1{service}~1authorize/get/responses").has("401")).isTrue();
    }

    private static String decodedPart(String stored) {
        return new String(Base64.getUrlDecoder().decode(stored.split(":")[2]), StandardCharsets.ISO_8859_1);
    }
}
