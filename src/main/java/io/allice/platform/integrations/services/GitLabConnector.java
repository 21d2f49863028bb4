package io.allice.platform.integrations.services;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.ImportedRecord;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.OAuthFlow.ClientAuthentication;
import io.allice.platform.integrations.connector.RecordSink;
import io.allice.platform.integrations.connector.ServiceCallException;
import io.allice.platform.integrations.connector.ServiceClient;
import io.allice.platform.integrations.connector.ServiceClient.ClientCredentials;
import io.allice.platform.integrations.connector.ServiceHttp;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.integrations.connector.ServiceResponse;
import io.allice.platform.integrations.connector.SyncRequest;
import io.allice.platform.integrations.connector.TokenRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * GitLab (gitlab.com or a self-managed instance) through REST API v4: the projects the user is
 * a member of become {@code gitlab_project} items.
 */
@Component
public class GitLabConnector implements Connector {

    /** Cursor key: the newest {@code last_activity_at} seen, as GitLab's own clock wrote it. */
    static final String CURSOR_LAST_ACTIVITY = "last_activity_after";

    private static final Logger log = LoggerFactory.getLogger(GitLabConnector.class);
    private static final String API_PATH = "/api/v4";
    private static final String PAGE_SIZE = "100";
    private static final String PERSONAL_ACCESS_TOKEN_PREFIX = "glpat-";

    @Override
    public ServiceName service() {
        return ServiceName.GITLAB;
    }

    @Override
    public String defaultBaseUrl() {
        return "https://gitlab.com" + API_PATH;
    }

    /**
     * GitLab's OAuth endpoints live on the instance's host, outside {@code /api/v4}. The
     * {@code read_api} scope covers both {@code GET /user} and the project list.
     */
    @Override
    public Optional<OAuthFlow> oauth() {
        return Optional.of(new OAuthFlow("https://gitlab.com/oauth/authorize", "https://gitlab.com/oauth/token",
                List.of("read_api"), " ", true, ClientAuthentication.FORM, Map.of()));
    }

    @Override
    public String identify(ServiceClient client) {
        JsonNode user = read(client, "/user", Map.of()).body();
        String username = RecordFields.text(user, "username");
        if (username == null) {
            throw new ServiceCallException(service(), 200, "GitLab returned GET /user without a username");
        }
        return username;
    }

    /**
     * Reads the member projects in id order, 100 a page. An incremental sync requests only
     * projects with activity after the cursor. Projects the user joined without any new
     * activity in them do not match that filter, so only a full sync finds those.
     */
    @Override
    public Map<String, String> sync(ServiceClient client, SyncRequest request, RecordSink sink) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("membership", "true");
        query.put("order_by", "id");
        query.put("sort", "asc");
        query.put("per_page", PAGE_SIZE);
        Instant since = request.incremental() ? changedSince(request) : null;
        if (since != null) {
            query.put("last_activity_after", since.toString());
        }

        Instant newestActivity = since;
        ServiceResponse page = read(client, "/projects", query);
        while (true) {
            for (JsonNode project : page.body()) {
                sink.accept(toRecord(project));
                newestActivity = RecordFields.latest(newestActivity, RecordFields.instant(project, "last_activity_at"));
            }
            Optional<String> next = nextPage(client, page, query);
            if (next.isEmpty()) {
                break;
            }
            page = read(client, next.get(), Map.of());
        }
        return newestActivity == null ? Map.of() : Map.of(CURSOR_LAST_ACTIVITY, newestActivity.toString());
    }

    /**
     * Revokes an OAuth token at {@code /oauth/revoke}, which needs the application's client id
     * and secret. A personal access token is left alone, because the user created it and may
     * use it elsewhere.
     */
    @Override
    public void revoke(ServiceClient client) {
        String token = client.accessToken();
        if (token.startsWith(PERSONAL_ACCESS_TOKEN_PREFIX)) {
            log.info("GitLab personal access token not revoked: the user manages it in GitLab");
            return;
        }
        Optional<ClientCredentials> credentials = client.clientCredentials();
        if (credentials.isEmpty()) {
            log.warn("GitLab token not revoked: the OAuth client id and secret are not configured");
            return;
        }
        client.postForm(instanceRoot(client.baseUrl()) + "/oauth/revoke", Map.of(
                "client_id", credentials.get().clientId(),
                "client_secret", credentials.get().clientSecret(),
                "token", token));
    }

    /**
     * Sends a GET and treats 403 as a rejected token. GitLab returns 403 to {@code /user} and the
     * member project list when the token lacks the {@code read_api} scope or its account is
     * blocked, and connecting again with a suitable token is the remedy for both.
     */
    private ServiceResponse read(ServiceClient client, String url, Map<String, String> query) {
        try {
            return client.get(url, query);
        } catch (ServiceCallException e) {
            if (e.status() == 403) {
                throw new TokenRejectedException(service(), e.getMessage());
            }
            throw e;
        }
    }

    private static Instant changedSince(SyncRequest request) {
        String cursor = request.cursor().get(CURSOR_LAST_ACTIVITY);
        if (cursor != null) {
            try {
                return Instant.parse(cursor);
            } catch (DateTimeParseException e) {
                log.warn("GitLab sync cursor {} is not an ISO-8601 instant; using the last sync time instead", cursor);
            }
        }
        return request.lastSuccessfulSync();
    }

    private ImportedRecord toRecord(JsonNode project) {
        String id = RecordFields.id(project, "id");
        if (id == null) {
            throw new ServiceCallException(service(), 200, "GitLab listed a project without an id");
        }
        String title = RecordFields.text(project, "path_with_namespace");
        if (title == null) {
            title = RecordFields.text(project, "name");
        }
        Instant updatedAt = RecordFields.latest(RecordFields.instant(project, "updated_at"),
                RecordFields.instant(project, "last_activity_at"));
        return new ImportedRecord("project", id, title, RecordFields.text(project, "description"), project,
                RecordFields.text(project, "web_url"), updatedAt);
    }

    /**
     * Finds the next page from {@code x-next-page}, which is empty on the last page and keeps every
     * request below the configured base URL. The {@code Link} header serves when a proxy dropped
     * {@code x-next-page}, but only on the base URL's host, so the token never goes elsewhere.
     */
    private Optional<String> nextPage(ServiceClient client, ServiceResponse page, Map<String, String> query) {
        Optional<String> nextNumber = page.header("x-next-page").map(String::strip);
        if (nextNumber.isPresent()) {
            if (nextNumber.get().isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> nextQuery = new LinkedHashMap<>(query);
            nextQuery.put("page", nextNumber.get());
            return Optional.of("/projects?" + ServiceHttp.formEncode(nextQuery));
        }
        Optional<String> link = page.nextLink();
        if (link.isPresent() && !sameOrigin(link.get(), client.baseUrl())) {
            throw new ServiceCallException(service(), 200, "GitLab sent a next-page link to another host than "
                    + URI.create(client.baseUrl()).getHost() + "; the sync stopped there");
        }
        return link;
    }

    private static boolean sameOrigin(String link, String baseUrl) {
        try {
            URI target = URI.create(link);
            URI base = URI.create(baseUrl);
            return target.getScheme() != null && target.getScheme().equalsIgnoreCase(base.getScheme())
                    && target.getHost() != null && target.getHost().equalsIgnoreCase(base.getHost())
                    && target.getPort() == base.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Returns the instance's root, where {@code /oauth} lives: the base URL without {@code /api/v4}. */
    static String instanceRoot(String baseUrl) {
        return baseUrl.endsWith(API_PATH) ? baseUrl.substring(0, baseUrl.length() - API_PATH.length()) : baseUrl;
    }
}
