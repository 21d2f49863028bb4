package io.allice.platform.integrations.services;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import io.allice.platform.integrations.connector.ServiceHttp;
import io.allice.platform.integrations.connector.SyncRequest;
import io.allice.platform.integrations.connector.TokenRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OneDriveConnectorTests {

    private static final String DELTA = "/v1.0/me/drive/root/delta";

    private static BConnectorStandIn graph;

    private final OneDriveConnector connector = new OneDriveConnector();

    @BeforeAll
    static void startStandIn() {
        graph = BConnectorStandIn.start();
    }

    @AfterAll
    static void stopStandIn() {
        graph.close();
    }

    @BeforeEach
    void resetStandIn() {
        graph.reset();
    }

    @Test
    void identifyReturnsUserPrincipalName() {
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/me")).willReturn(okJson("""
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(displayName,mail,userPrincipalName)/$entity",
                 "displayName": "Megan Bowen", "mail": null, "userPrincipalName": "megan@contoso.example"}""")));

        String account = connector.identify(client());

        assertThat(account).isEqualTo("megan@contoso.example");
        graph.server.verify(getRequestedFor(urlPathEqualTo("/v1.0/me"))
                .withQueryParam("$select", equalTo("displayName,mail,userPrincipalName"))
                .withHeader("Authorization", equalTo("Bearer token")));
    }

    @Test
    void fullSyncFollowsNextLinksToDeltaLink() {
        stubFullDelta();

        BConnectorStandIn.Synced synced = sync(full());

        assertThat(synced.ids()).containsExactly("ITEM-FOLDER", "ITEM-1", "ITEM-2");
        assertThat(synced.records()).extracting(ImportedRecord::kind).containsExactly("folder", "file", "file");
        ImportedRecord file = synced.records().get(1);
        assertThat(file.title()).isEqualTo("Report.docx");
        assertThat(file.description()).isEqualTo("Annual report");
        assertThat(file.link()).isEqualTo("https://contoso-my.sharepoint.com/personal/megan/Documents/Report.docx");
        assertThat(file.updatedAt()).isEqualTo(Instant.parse("2026-02-20T10:15:00Z"));
        assertThat(file.content().path("file").path("mimeType").asString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(synced.cursor()).isEqualTo(Map.of("delta_link", link("delta-1")));
        graph.server.verify(getRequestedFor(urlPathEqualTo(DELTA)).withQueryParam("token", absent()));
        graph.server.verify(getRequestedFor(urlPathEqualTo(DELTA)).withQueryParam("token", equalTo("page-2")));
        graph.server.verify(2, getRequestedFor(urlPathEqualTo(DELTA)));
    }

    @Test
    void incrementalSyncCallsSavedDeltaLink() {
        stubDeltaPage("delta-1", """
                {"value": [
                  {"id": "ITEM-3", "name": "Budget.xlsx", "webUrl": "https://contoso-my.sharepoint.com/Budget.xlsx",
                   "lastModifiedDateTime": "2026-03-01T11:00:00Z", "size": 4096,
                   "file": {"mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
                   "parentReference": {"driveId": "b!drive", "id": "ITEM-ROOT"}},
                  {"id": "ITEM-2", "deleted": {"state": "deleted"}, "parentReference": {"id": "ITEM-ROOT"}}],
                 "@odata.deltaLink": "%s"}""".formatted(link("delta-2")));

        BConnectorStandIn.Synced synced = sync(incremental(Map.of("delta_link", link("delta-1"))));

        assertThat(synced.ids()).containsExactly("ITEM-3");
        assertThat(synced.cursor()).isEqualTo(Map.of("delta_link", link("delta-2")));
        graph.server.verify(0, getRequestedFor(urlPathEqualTo(DELTA)).withQueryParam("token", absent()));
        graph.server.verify(1, getRequestedFor(urlPathEqualTo(DELTA)));
    }

    @Test
    void incrementalSyncAfterExpiredDeltaReadsAll() {
        stubFullDelta();
        graph.server.stubFor(get(urlPathEqualTo(DELTA)).withQueryParam("token", equalTo("expired"))
                .willReturn(aResponse().withStatus(410).withHeader("Content-Type", "application/json")
                        .withBody(graphError("resyncRequired", "Resync required. Replace any local items with the server's version."))));

        BConnectorStandIn.Synced synced = sync(incremental(Map.of("delta_link", link("expired"))));

        assertThat(synced.ids()).containsExactly("ITEM-FOLDER", "ITEM-1", "ITEM-2");
        assertThat(synced.cursor()).isEqualTo(Map.of("delta_link", link("delta-1")));
    }

    @Test
    void deltaLinkOffBaseUrlIsNotCalled() {
        stubFullDelta();

        BConnectorStandIn.Synced synced =
                sync(incremental(Map.of("delta_link", "http://localhost:1/v1.0/me/drive/root/delta?token=x")));

        assertThat(synced.ids()).containsExactly("ITEM-FOLDER", "ITEM-1", "ITEM-2");
        graph.server.verify(0, getRequestedFor(urlPathEqualTo(DELTA)).withQueryParam("token", equalTo("x")));
    }

    @Test
    void nextLinkOffBaseUrlRaisesServiceCall() {
        graph.server.stubFor(get(urlPathEqualTo(DELTA)).willReturn(okJson("""
                {"value": [], "@odata.nextLink": "http://localhost:1/v1.0/me/drive/root/delta?token=page-2"}""")));

        assertThatThrownBy(() -> sync(full()))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("outside the configured base URL");
    }

    @Test
    void rateLimitIsWaitedOut() {
        graph.server.stubFor(get(urlPathEqualTo(DELTA)).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")
                        .withHeader("Content-Type", "application/json")
                        .withBody(graphError("activityLimitReached", "The request has been throttled")))
                .willSetStateTo("waited"));
        graph.server.stubFor(get(urlPathEqualTo(DELTA)).inScenario("limit")
                .whenScenarioStateIs("waited")
                .willReturn(okJson("{\"value\": [], \"@odata.deltaLink\": \"%s\"}".formatted(link("delta-0")))));

        BConnectorStandIn.Synced synced = sync(full());

        assertThat(synced.cursor()).isEqualTo(Map.of("delta_link", link("delta-0")));
        assertThat(graph.sleeps).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void rejectedTokenRaisesTokenRejected() {
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/me")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(graphError("InvalidAuthenticationToken", "Access token has expired or is not yet valid."))));

        assertThatThrownBy(() -> connector.identify(client()))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("Access token has expired or is not yet valid.");
    }

    @Test
    void serverErrorRaisesServiceCallWithGraphMessage() {
        graph.server.stubFor(get(urlPathEqualTo(DELTA)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody(graphError("generalException", "An unspecified error has occurred."))));

        assertThatThrownBy(() -> sync(full()))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> assertThat(e.status()).isEqualTo(500))
                .hasMessageContaining("An unspecified error has occurred.");
        graph.server.verify(1 + BConnectorStandIn.POLICY.maxRetries(), getRequestedFor(urlPathEqualTo(DELTA)));
    }

    @Test
    void revokeSendsNoRequest() {
        graph.server.stubFor(get(anyUrl()).willReturn(okJson("{}")));

        connector.revoke(client());

        graph.server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void oauthAsksForOfflineAccessWithPkce() {
        OAuthFlow flow = connector.oauth().orElseThrow();

        assertThat(flow.pkce()).isTrue();
        assertThat(flow.authorizeUrl()).isEqualTo("https://login.microsoftonline.com/common/oauth2/v2.0/authorize");
        assertThat(flow.tokenUrl()).isEqualTo("https://login.microsoftonline.com/common/oauth2/v2.0/token");
        assertThat(flow.scopes()).containsExactly("offline_access", "User.Read", "Files.Read");
    }

    private ServiceHttp client() {
        return graph.client(connector, graph.baseUrl() + "/v1.0");
    }

    private BConnectorStandIn.Synced sync(SyncRequest request) {
        return graph.sync(connector, graph.baseUrl() + "/v1.0", request);
    }

    private static String link(String token) {
        return graph.baseUrl() + DELTA + "?token=" + token;
    }

    private static void stubFullDelta() {
        graph.server.stubFor(get(urlPathEqualTo(DELTA)).withQueryParam("token", absent()).willReturn(okJson("""
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(driveItem)",
                 "value": [
                   {"id": "ITEM-ROOT", "name": "root", "root": {}, "folder": {"childCount": 2},
                    "webUrl": "https://contoso-my.sharepoint.com/personal/megan/Documents"},
                   {"id": "ITEM-FOLDER", "name": "Reports", "folder": {"childCount": 1},
                    "webUrl": "https://contoso-my.sharepoint.com/personal/megan/Documents/Reports",
                    "lastModifiedDateTime": "2026-02-01T09:00:00Z", "parentReference": {"id": "ITEM-ROOT"}},
                   {"id": "ITEM-1", "name": "Report.docx", "description": "Annual report",
                    "webUrl": "https://contoso-my.sharepoint.com/personal/megan/Documents/Report.docx",
                    "lastModifiedDateTime": "2026-02-20T10:15:00Z", "size": 18934,
                    "file": {"mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
                    "parentReference": {"id": "ITEM-FOLDER"}}],
                 "@odata.nextLink": "%s"}""".formatted(link("page-2")))));
        stubDeltaPage("page-2", """
                {"value": [
                   {"id": "ITEM-2", "name": "Photo.jpg",
                    "webUrl": "https://contoso-my.sharepoint.com/personal/megan/Documents/Photo.jpg",
                    "lastModifiedDateTime": "2026-02-21T08:00:00Z", "size": 502133,
                    "file": {"mimeType": "image/jpeg"}, "parentReference": {"id": "ITEM-ROOT"}}],
                 "@odata.deltaLink": "%s"}""".formatted(link("delta-1")));
    }

    private static void stubDeltaPage(String token, String body) {
        graph.server.stubFor(get(urlPathEqualTo(DELTA)).withQueryParam("token", equalTo(token)).willReturn(okJson(body)));
    }

    private static String graphError(String code, String message) {
        return """
                {"error": {"code": "%s", "message": "%s",
                           "innerError": {"date": "2026-03-01T12:00:00", "request-id": "b1f9c0de", "client-request-id": "b1f9c0de"}}}"""
                .formatted(code, message);
    }
}
