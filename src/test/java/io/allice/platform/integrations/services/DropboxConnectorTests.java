package io.allice.platform.integrations.services;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.allice.platform.integrations.services.BConnectorStandIn.full;
import static io.allice.platform.integrations.services.BConnectorStandIn.incremental;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.allice.platform.integrations.connector.ImportedRecord;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.ServiceCallException;
import io.allice.platform.integrations.connector.TokenRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DropboxConnectorTests {

    private static final String LIST_FOLDER = "/2/files/list_folder";
    private static final String CONTINUE = "/2/files/list_folder/continue";
    private static final String LIST_ROOT = """
            {"path": "", "recursive": true, "include_deleted": false, "limit": 2000}""";

    private static BConnectorStandIn dropbox;

    private final DropboxConnector connector = new DropboxConnector();

    @BeforeAll
    static void startStandIn() {
        dropbox = BConnectorStandIn.start();
    }

    @AfterAll
    static void stopStandIn() {
        dropbox.close();
    }

    @BeforeEach
    void resetStandIn() {
        dropbox.reset();
    }

    @Test
    void identifyPostsNullAndReturnsEmail() {
        dropbox.server.stubFor(post(urlPathEqualTo("/2/users/get_current_account")).willReturn(okJson("""
                {"account_id": "dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc",
                 "name": {"given_name": "Franz", "surname": "Ferdinand", "familiar_name": "Franz",
                          "display_name": "Franz Ferdinand (Personal)", "abbreviated_name": "FF"},
                 "email": "franz@example.com", "email_verified": true, "disabled": false,
                 "country": "US", "locale": "en", "is_paired": false,
                 "account_type": {".tag": "basic"}, "root_info": {".tag": "user",
                 "root_namespace_id": "3235641", "home_namespace_id": "3235641"}}""")));

        String account = connector.identify(dropbox.client(connector));

        assertThat(account).isEqualTo("franz@example.com");
        dropbox.server.verify(postRequestedFor(urlPathEqualTo("/2/users/get_current_account"))
                .withHeader("Authorization", equalTo("Bearer token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo("null")));
    }

    @Test
    void fullSyncListsRecursivelyUntilNoMore() {
        stubListing();

        BConnectorStandIn.Synced synced = dropbox.sync(connector, full());

        assertThat(synced.ids()).containsExactly("id:folder-1", "id:file-1", "id:file-2");
        assertThat(synced.records()).extracting(ImportedRecord::kind).containsExactly("folder", "file", "file");
        ImportedRecord file = synced.records().get(1);
        assertThat(file.title()).isEqualTo("Prime Numbers.txt");
        assertThat(file.description()).isEqualTo("/Homework/math/Prime Numbers.txt");
        assertThat(file.link()).isEqualTo("https://www.dropbox.com/home/Homework/math/Prime%20Numbers.txt");
        assertThat(file.updatedAt()).isEqualTo(Instant.parse("2026-02-27T15:50:38Z"));
        assertThat(file.content().path("rev").asString()).isEqualTo("a1c10ce0dd78");
        assertThat(synced.cursor()).isEqualTo(Map.of("cursor", "cursor-2"));
        dropbox.server.verify(postRequestedFor(urlPathEqualTo(LIST_FOLDER)).withRequestBody(equalToJson(LIST_ROOT)));
        dropbox.server.verify(postRequestedFor(urlPathEqualTo(CONTINUE))
                .withRequestBody(equalToJson("{\"cursor\": \"cursor-1\"}")));
        dropbox.server.verify(1, postRequestedFor(urlPathEqualTo(CONTINUE)));
    }

    @Test
    void incrementalSyncContinuesFromSavedCursor() {
        dropbox.server.stubFor(post(urlPathEqualTo(CONTINUE)).withRequestBody(equalToJson("{\"cursor\": \"cursor-2\"}"))
                .willReturn(okJson("""
                        {"entries": [
                          {".tag": "file", "name": "Todo.md", "id": "id:file-3",
                           "path_lower": "/todo.md", "path_display": "/Todo.md",
                           "client_modified": "2026-03-01T10:00:00Z", "server_modified": "2026-03-01T10:00:01Z",
                           "rev": "b2", "size": 12, "is_downloadable": true},
                          {".tag": "deleted", "name": "Old.txt", "path_lower": "/old.txt", "path_display": "/Old.txt"}],
                         "cursor": "cursor-3", "has_more": false}""")));

        BConnectorStandIn.Synced synced = dropbox.sync(connector, incremental(Map.of("cursor", "cursor-2")));

        assertThat(synced.ids()).containsExactly("id:file-3");
        assertThat(synced.cursor()).isEqualTo(Map.of("cursor", "cursor-3"));
        dropbox.server.verify(0, postRequestedFor(urlPathEqualTo(LIST_FOLDER)));
    }

    @Test
    void incrementalSyncAfterCursorResetListsAgain() {
        stubListing();
        dropbox.server.stubFor(post(urlPathEqualTo(CONTINUE)).withRequestBody(equalToJson("{\"cursor\": \"expired\"}"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"error_summary\": \"reset/..\", \"error\": {\".tag\": \"reset\"}}")));

        BConnectorStandIn.Synced synced = dropbox.sync(connector, incremental(Map.of("cursor", "expired")));

        assertThat(synced.ids()).containsExactly("id:folder-1", "id:file-1", "id:file-2");
        assertThat(synced.cursor()).isEqualTo(Map.of("cursor", "cursor-2"));
    }

    @Test
    void rateLimitIsWaitedOut() {
        dropbox.server.stubFor(post(urlPathEqualTo(LIST_FOLDER)).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "15")
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error_summary": "too_many_requests/..",
                                 "error": {"reason": {".tag": "too_many_requests"}, "retry_after": 15}}"""))
                .willSetStateTo("waited"));
        dropbox.server.stubFor(post(urlPathEqualTo(LIST_FOLDER)).inScenario("limit")
                .whenScenarioStateIs("waited")
                .willReturn(okJson("{\"entries\": [], \"cursor\": \"cursor-0\", \"has_more\": false}")));

        BConnectorStandIn.Synced synced = dropbox.sync(connector, full());

        assertThat(synced.records()).isEmpty();
        assertThat(synced.cursor()).isEqualTo(Map.of("cursor", "cursor-0"));
        assertThat(dropbox.sleeps).containsExactly(Duration.ofSeconds(15));
    }

    @Test
    void rejectedTokenRaisesTokenRejected() {
        dropbox.server.stubFor(post(urlPathEqualTo("/2/users/get_current_account")).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error_summary\": \"invalid_access_token/...\", \"error\": {\".tag\": \"invalid_access_token\"}}")));

        assertThatThrownBy(() -> connector.identify(dropbox.client(connector)))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("invalid_access_token/...");
    }

    @Test
    void endpointErrorRaisesServiceCallWithSummary() {
        dropbox.server.stubFor(post(urlPathEqualTo(LIST_FOLDER)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error_summary": "path/not_found/..",
                         "error": {".tag": "path", "path": {".tag": "not_found"}}}""")));

        assertThatThrownBy(() -> dropbox.sync(connector, full()))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("path/not_found/..");
    }

    @Test
    void serverErrorRaisesServiceCall() {
        dropbox.server.stubFor(post(urlPathEqualTo(LIST_FOLDER)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/plain")
                .withBody("An error occurred on the Dropbox servers.")));

        assertThatThrownBy(() -> dropbox.sync(connector, full()))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> assertThat(e.status()).isEqualTo(500))
                .hasMessageContaining("Dropbox answered 500");
    }

    @Test
    void revokePostsNullToRevokeEndpoint() {
        dropbox.server.stubFor(post(urlPathEqualTo("/2/auth/token/revoke")).willReturn(okJson("null")));

        connector.revoke(dropbox.client(connector));

        dropbox.server.verify(postRequestedFor(urlPathEqualTo("/2/auth/token/revoke"))
                .withHeader("Authorization", equalTo("Bearer token"))
                .withRequestBody(equalTo("null")));
    }

    @Test
    void oauthAsksForOfflineAccessWithPkce() {
        OAuthFlow flow = connector.oauth().orElseThrow();

        assertThat(flow.pkce()).isTrue();
        assertThat(flow.authorizeUrl()).isEqualTo("https://www.dropbox.com/oauth2/authorize");
        assertThat(flow.tokenUrl()).isEqualTo("https://api.dropboxapi.com/oauth2/token");
        assertThat(flow.scopes()).containsExactly("account_info.read", "files.metadata.read");
        assertThat(flow.extraAuthorizeParameters()).containsEntry("token_access_type", "offline");
    }

    private static void stubListing() {
        dropbox.server.stubFor(post(urlPathEqualTo(LIST_FOLDER)).withRequestBody(equalToJson(LIST_ROOT))
                .willReturn(okJson("""
                        {"entries": [
                          {".tag": "folder", "name": "math", "id": "id:folder-1",
                           "path_lower": "/homework/math", "path_display": "/Homework/math"},
                          {".tag": "file", "name": "Prime Numbers.txt", "id": "id:file-1",
                           "path_lower": "/homework/math/prime numbers.txt",
                           "path_display": "/Homework/math/Prime Numbers.txt",
                           "client_modified": "2026-02-27T15:50:38Z", "server_modified": "2026-02-27T15:50:38Z",
                           "rev": "a1c10ce0dd78", "size": 7212, "is_downloadable": true,
                           "content_hash": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}],
                         "cursor": "cursor-1", "has_more": true}""")));
        dropbox.server.stubFor(post(urlPathEqualTo(CONTINUE)).withRequestBody(equalToJson("{\"cursor\": \"cursor-1\"}"))
                .willReturn(okJson("""
                        {"entries": [
                          {".tag": "file", "name": "Essay.docx", "id": "id:file-2",
                           "path_lower": "/homework/essay.docx", "path_display": "/Homework/Essay.docx",
                           "client_modified": "2026-02-28T09:00:00Z", "server_modified": "2026-02-28T09:00:02Z",
                           "rev": "a1c10ce0dd79", "size": 1024, "is_downloadable": true}],
                         "cursor": "cursor-2", "has_more": false}""")));
    }
}
