package io.allice.platform.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Connects and syncs each of the nine services with a data API through the endpoints, each
 * pointed by its base URL setting at one stand-in that serves the service's identity call and
 * one page of its data. The connectors' own tests cover pagination and failures; this class
 * shows that every service is wired from its settings to the stored items.
 */
class EveryServiceIntegrationTests extends IntegrationsIntegrationTest {

    private static final WireMockServer SERVICES = startServices();

    private static WireMockServer startServices() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void everyBaseUrl(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + SERVICES.port();
        for (String service : new String[] {"google-drive", "dropbox", "onedrive", "gitlab", "slack", "discord",
                "twitter", "linkedin"}) {
            registry.add("allice.integrations.services." + service + ".base-url", () -> base);
        }
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "github,       octocat,                 github_repository",
        "gitlab,       gl-user,                 gitlab_project",
        "slack,        ada in Example Team,     slack_channel",
        "discord,      discord-user,            discord_guild",
        "linkedin,     ada@example.test,        linkedin_profile",
        "google_drive, drive-user@example.test, google_drive_file",
        "dropbox,      ada@dropbox.example,     dropbox_file",
        "onedrive,     ada@onedrive.example,    onedrive_file",
        "twitter,      ada_x,                   twitter_post",
    })
    void connectsAndSyncsOnce(String service, String account, String itemType) {
        stubService(service);
        Session user = api.registerNew("every_" + service.replace("_", ""));

        Response connected = service.equals("github") ? connectGitHub(user, "gh-token-every", account)
                : api.post("/api/integrations/" + service + "/connect", user.token(),
                        Map.of("access_token", "token-" + service));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        assertThat(connected.json().get("account").asString()).isEqualTo(account);
        if (service.equals("github")) {
            github.servesRepos("gh-token-every", List.of(List.of(new GitHubStandIn.Repo(5, "octocat/tools", "Tools",
                    "2026-11-30T10:00:00Z"))));
        }

        Response first = sync(user, service, "full");
        Response second = sync(user, service, "full");

        assertThat(first.json().get("sync_status").asString()).as(first.toString()).isEqualTo("completed");
        assertThat(first.json().get("items_synced").asInt()).isEqualTo(1);
        assertThat(second.json().get("sync_status").asString()).as(second.toString()).isEqualTo("completed");
        assertThat(items(user, itemType)).hasSize(1);
    }

    /** Stubs the service's identity call and one page with one record, in the service's own JSON shapes. */
    private static void stubService(String service) {
        switch (service) {
            case "github" -> {
                // The base class's GitHub stand-in serves GitHub.
            }
            case "gitlab" -> {
                SERVICES.stubFor(get(urlPathEqualTo("/user")).willReturn(okJson("{\"id\": 7, \"username\": \"gl-user\"}")));
                SERVICES.stubFor(get(urlPathEqualTo("/projects")).willReturn(okJson("[{\"id\": 11, \"name\": \"tools\", "
                        + "\"path_with_namespace\": \"gl-user/tools\", \"web_url\": \"https://gitlab.example.test/gl-user/tools\", "
                        + "\"last_activity_at\": \"2026-11-30T10:00:00.000Z\"}]").withHeader("x-next-page", "")));
            }
            case "slack" -> {
                SERVICES.stubFor(get(urlPathEqualTo("/auth.test")).willReturn(okJson("{\"ok\": true, "
                        + "\"url\": \"https://example-team.slack.com/\", \"team\": \"Example Team\", \"user\": \"ada\", "
                        + "\"team_id\": \"T1\", \"user_id\": \"U1\"}")));
                SERVICES.stubFor(get(urlPathEqualTo("/conversations.list")).willReturn(okJson("{\"ok\": true, "
                        + "\"channels\": [{\"id\": \"C1\", \"name\": \"general\", \"created\": 1700000000, "
                        + "\"purpose\": {\"value\": \"Talk\"}}], \"response_metadata\": {\"next_cursor\": \"\"}}")));
            }
            case "discord" -> {
                SERVICES.stubFor(get(urlPathEqualTo("/users/@me")).willReturn(okJson(
                        "{\"id\": \"80351110224678912\", \"username\": \"discord-user\"}")));
                SERVICES.stubFor(get(urlPathEqualTo("/users/@me/guilds")).willReturn(okJson(
                        "[{\"id\": \"197038439483310086\", \"name\": \"Builders\", \"owner\": false}]")));
            }
            case "linkedin" -> SERVICES.stubFor(get(urlPathEqualTo("/v2/userinfo")).willReturn(okJson(
                    "{\"sub\": \"782bbtaQ\", \"name\": \"Ada Lovelace\", \"email\": \"ada@example.test\"}")));
            case "google_drive" -> {
                SERVICES.stubFor(get(urlPathEqualTo("/drive/v3/about")).willReturn(okJson(
                        "{\"user\": {\"displayName\": \"Drive User\", \"emailAddress\": \"drive-user@example.test\"}}")));
                SERVICES.stubFor(get(urlPathEqualTo("/drive/v3/changes/startPageToken")).willReturn(okJson(
                        "{\"startPageToken\": \"100\"}")));
                SERVICES.stubFor(get(urlPathEqualTo("/drive/v3/files")).willReturn(okJson("{\"files\": [{\"id\": \"f1\", "
                        + "\"name\": \"Plan.txt\", \"mimeType\": \"text/plain\", \"modifiedTime\": \"2026-11-30T10:00:00.000Z\", "
                        + "\"webViewLink\": \"https://drive.example.test/f1\"}]}")));
            }
            case "dropbox" -> {
                SERVICES.stubFor(post(urlPathEqualTo("/2/users/get_current_account")).willReturn(okJson(
                        "{\"account_id\": \"dbid:1\", \"name\": {\"display_name\": \"Ada Dropbox\"}, "
                                + "\"email\": \"ada@dropbox.example\"}")));
                SERVICES.stubFor(post(urlPathEqualTo("/2/files/list_folder")).willReturn(okJson("{\"entries\": [{"
                        + "\".tag\": \"file\", \"id\": \"id:a1\", \"name\": \"notes.md\", \"path_display\": \"/notes.md\", "
                        + "\"server_modified\": \"2026-11-30T10:00:00Z\"}], \"cursor\": \"c1\", \"has_more\": false}")));
            }
            case "onedrive" -> {
                SERVICES.stubFor(get(urlPathEqualTo("/me")).willReturn(okJson("{\"displayName\": \"Ada\", "
                        + "\"mail\": \"ada@onedrive.example\", \"userPrincipalName\": \"ada@onedrive.example\"}")));
                SERVICES.stubFor(get(urlPathEqualTo("/me/drive/root/delta")).willReturn(okJson("{\"value\": [{"
                        + "\"id\": \"01ROOT\", \"name\": \"root\", \"root\": {}, \"folder\": {}}, {\"id\": \"01A\", "
                        + "\"name\": \"report.docx\", \"file\": {}, \"webUrl\": \"https://onedrive.example.test/01A\", "
                        + "\"lastModifiedDateTime\": \"2026-11-30T10:00:00Z\"}], \"@odata.deltaLink\": \"http://127.0.0.1:"
                        + SERVICES.port() + "/me/drive/root/delta?token=next\"}")));
            }
            case "twitter" -> {
                SERVICES.stubFor(get(urlPathEqualTo("/2/users/me")).willReturn(okJson(
                        "{\"data\": {\"id\": \"2244994945\", \"name\": \"Ada\", \"username\": \"ada_x\"}}")));
                SERVICES.stubFor(get(urlPathEqualTo("/2/users/2244994945/tweets")).willReturn(okJson("{\"data\": [{"
                        + "\"id\": \"1460323737035677698\", \"text\": \"Shipping today\", "
                        + "\"created_at\": \"2026-11-30T10:00:00.000Z\"}], \"meta\": {\"result_count\": 1}}")));
            }
            default -> SERVICES.stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(404)));
        }
    }
}
