package io.allice.platform.integrations.services;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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

class GoogleDriveConnectorTests {

    private static final String FIELDS = "nextPageToken,files(" + GoogleDriveConnector.FILE_FIELDS + ")";

    private static BConnectorStandIn drive;

    private GoogleDriveConnector connector;

    @BeforeAll
    static void startStandIn() {
        drive = BConnectorStandIn.start();
    }

    @AfterAll
    static void stopStandIn() {
        drive.close();
    }

    @BeforeEach
    void resetStandIn() {
        drive.reset();
        connector = new GoogleDriveConnector(drive.baseUrl() + "/revoke");
    }

    @Test
    void identifyReturnsEmailAddress() {
        drive.server.stubFor(get(urlPathEqualTo("/drive/v3/about")).willReturn(okJson("""
                {"user": {"kind": "drive#user", "displayName": "Ada Lovelace", "emailAddress": "ada@example.com",
                          "permissionId": "0123", "me": true}}""")));

        String account = connector.identify(drive.client(connector));

        assertThat(account).isEqualTo("ada@example.com");
        drive.server.verify(getRequestedFor(urlPathEqualTo("/drive/v3/about"))
                .withQueryParam("fields", equalTo("user"))
                .withHeader("Authorization", equalTo("Bearer token")));
    }

    @Test
    void fullSyncFollowsPageTokensToTheEnd() {
        stubStartPageToken("1001");
        stubFilesPages();

        BConnectorStandIn.Synced synced = drive.sync(connector, full());

        assertThat(synced.ids()).containsExactly("f-1", "d-1", "f-2");
        assertThat(synced.records()).extracting(ImportedRecord::kind).containsExactly("file", "folder", "file");
        ImportedRecord first = synced.records().getFirst();
        assertThat(first.title()).isEqualTo("Budget.xlsx");
        assertThat(first.description()).isEqualTo("Quarterly budget");
        assertThat(first.link()).isEqualTo("https://drive.google.com/file/d/f-1/view");
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2026-02-10T08:30:00.123Z"));
        assertThat(first.content().path("size").asString()).isEqualTo("2048");
        assertThat(synced.cursor()).isEqualTo(Map.of("start_page_token", "1001"));
    }

    @Test
    void fullSyncRequestsFieldsWithoutTrash() {
        stubStartPageToken("1001");
        stubFilesPages();

        drive.sync(connector, full());

        drive.server.verify(getRequestedFor(urlPathEqualTo("/drive/v3/files"))
                .withQueryParam("pageToken", absent())
                .withQueryParam("q", equalTo("trashed = false"))
                .withQueryParam("pageSize", equalTo("1000"))
                .withQueryParam("fields", equalTo(FIELDS))
                .withHeader("Authorization", equalTo("Bearer token")));
        drive.server.verify(getRequestedFor(urlPathEqualTo("/drive/v3/files"))
                .withQueryParam("pageToken", equalTo("page-2"))
                .withQueryParam("fields", equalTo(FIELDS)));
        drive.server.verify(2, getRequestedFor(urlPathEqualTo("/drive/v3/files")));
    }

    @Test
    void incrementalSyncReadsOnlyChangesSinceCursor() {
        stubChangesPages();

        BConnectorStandIn.Synced synced = drive.sync(connector, incremental(Map.of("start_page_token", "1001")));

        assertThat(synced.ids()).containsExactly("f-3", "f-1");
        assertThat(synced.records().getFirst().title()).isEqualTo("Notes.txt");
        assertThat(synced.cursor()).isEqualTo(Map.of("start_page_token", "1010"));
        drive.server.verify(getRequestedFor(urlPathEqualTo("/drive/v3/changes"))
                .withQueryParam("pageToken", equalTo("1001"))
                .withQueryParam("includeRemoved", equalTo("false"))
                .withQueryParam("fields", equalTo("nextPageToken,newStartPageToken,changes(changeType,fileId,time,file("
                        + GoogleDriveConnector.FILE_FIELDS + "))")));
        drive.server.verify(getRequestedFor(urlPathEqualTo("/drive/v3/changes"))
                .withQueryParam("pageToken", equalTo("1005")));
        drive.server.verify(0, getRequestedFor(urlPathEqualTo("/drive/v3/files")));
        drive.server.verify(0, getRequestedFor(urlPathEqualTo("/drive/v3/changes/startPageToken")));
    }

    @Test
    void incrementalSyncWithoutCursorReadsAllFiles() {
        stubStartPageToken("1001");
        stubFilesPages();

        BConnectorStandIn.Synced synced = drive.sync(connector, incremental(Map.of()));

        assertThat(synced.ids()).containsExactly("f-1", "d-1", "f-2");
        drive.server.verify(0, getRequestedFor(urlPathEqualTo("/drive/v3/changes")));
    }

    @Test
    void rateLimitIsWaitedOut() {
        stubStartPageToken("1001");
        drive.server.stubFor(get(urlPathEqualTo("/drive/v3/files")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withHeader("Content-Type", "application/json")
                        .withBody(googleError(429, "Rate Limit Exceeded", "RESOURCE_EXHAUSTED")))
                .willSetStateTo("waited"));
        drive.server.stubFor(get(urlPathEqualTo("/drive/v3/files")).inScenario("limit")
                .whenScenarioStateIs("waited")
                .willReturn(okJson("""
                        {"files": [{"id": "f-1", "name": "Budget.xlsx", "mimeType": "text/plain"}]}""")));

        BConnectorStandIn.Synced synced = drive.sync(connector, full());

        assertThat(synced.ids()).containsExactly("f-1");
        assertThat(drive.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void rejectedTokenRaisesTokenRejected() {
        drive.server.stubFor(get(urlPathEqualTo("/drive/v3/about")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(googleError(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED"))));

        assertThatThrownBy(() -> connector.identify(drive.client(connector)))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("Request had invalid authentication credentials.");
    }

    @Test
    void serverErrorRaisesServiceCallWithGoogleMessage() {
        stubStartPageToken("1001");
        drive.server.stubFor(get(urlPathEqualTo("/drive/v3/files")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody(googleError(500, "Internal Error", "INTERNAL"))));

        assertThatThrownBy(() -> drive.sync(connector, full()))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> assertThat(e.status()).isEqualTo(500))
                .hasMessageContaining("Internal Error");
    }

    @Test
    void revokePostsTokenToRevocationEndpoint() {
        drive.server.stubFor(post(urlPathEqualTo("/revoke")).willReturn(aResponse().withStatus(200)));

        connector.revoke(drive.client(connector));

        drive.server.verify(postRequestedFor(urlPathEqualTo("/revoke"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("token=token")));
    }

    @Test
    void oauthAsksForOfflineAccessWithPkce() {
        OAuthFlow flow = connector.oauth().orElseThrow();

        assertThat(flow.pkce()).isTrue();
        assertThat(flow.authorizeUrl()).isEqualTo("https://accounts.google.com/o/oauth2/v2/auth");
        assertThat(flow.tokenUrl()).isEqualTo("https://oauth2.googleapis.com/token");
        assertThat(flow.scopes()).containsExactly("https://www.googleapis.com/auth/drive.metadata.readonly");
        assertThat(flow.extraAuthorizeParameters()).containsEntry("access_type", "offline");
    }

    private static void stubStartPageToken(String token) {
        drive.server.stubFor(get(urlPathEqualTo("/drive/v3/changes/startPageToken")).willReturn(okJson("""
                {"kind": "drive#startPageToken", "startPageToken": "%s"}""".formatted(token))));
    }

    private static void stubFilesPages() {
        drive.server.stubFor(get(urlPathEqualTo("/drive/v3/files")).withQueryParam("pageToken", absent())
                .willReturn(okJson("""
                        {"nextPageToken": "page-2", "files": [
                          {"id": "f-1", "name": "Budget.xlsx", "mimeType": "application/vnd.ms-excel",
                           "description": "Quarterly budget", "webViewLink": "https://drive.google.com/file/d/f-1/view",
                           "modifiedTime": "2026-02-10T08:30:00.123Z", "size": "2048", "trashed": false},
                          {"id": "d-1", "name": "Projects", "mimeType": "application/vnd.google-apps.folder",
                           "webViewLink": "https://drive.google.com/drive/folders/d-1",
                           "modifiedTime": "2026-01-05T10:00:00.000Z", "trashed": false}]}""")));
        drive.server.stubFor(get(urlPathEqualTo("/drive/v3/files")).withQueryParam("pageToken", equalTo("page-2"))
                .willReturn(okJson("""
                        {"files": [
                          {"id": "f-2", "name": "Plan.docx", "mimeType": "application/vnd.google-apps.document",
                           "webViewLink": "https://docs.google.com/document/d/f-2/edit",
                           "modifiedTime": "2026-02-11T09:00:00.000Z", "trashed": false}]}""")));
    }

    private static void stubChangesPages() {
        drive.server.stubFor(get(urlPathEqualTo("/drive/v3/changes")).withQueryParam("pageToken", equalTo("1001"))
                .willReturn(okJson("""
                        {"kind": "drive#changeList", "nextPageToken": "1005", "changes": [
                          {"changeType": "file", "fileId": "f-3", "time": "2026-03-01T11:00:00.000Z",
                           "file": {"id": "f-3", "name": "Notes.txt", "mimeType": "text/plain",
                                    "modifiedTime": "2026-03-01T11:00:00.000Z", "trashed": false}},
                          {"changeType": "file", "fileId": "f-2", "time": "2026-03-01T11:05:00.000Z",
                           "file": {"id": "f-2", "name": "Plan.docx", "mimeType": "application/vnd.google-apps.document",
                                    "modifiedTime": "2026-03-01T11:05:00.000Z", "trashed": true}}]}""")));
        drive.server.stubFor(get(urlPathEqualTo("/drive/v3/changes")).withQueryParam("pageToken", equalTo("1005"))
                .willReturn(okJson("""
                        {"kind": "drive#changeList", "newStartPageToken": "1010", "changes": [
                          {"changeType": "file", "fileId": "f-1", "time": "2026-03-01T11:10:00.000Z",
                           "file": {"id": "f-1", "name": "Budget.xlsx", "mimeType": "application/vnd.ms-excel",
                                    "modifiedTime": "2026-03-01T11:10:00.000Z", "trashed": false}},
                          {"changeType": "drive", "driveId": "shared-1", "time": "2026-03-01T11:11:00.000Z"}]}""")));
    }

    private static String googleError(int code, String message, String status) {
        return """
                {"error": {"code": %d, "message": "%s", "status": "%s",
                           "errors": [{"message": "%s", "domain": "global", "reason": "x"}]}}"""
                .formatted(code, message, status, message);
    }
}
