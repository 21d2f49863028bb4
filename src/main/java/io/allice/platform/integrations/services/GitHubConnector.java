package io.allice.platform.integrations.services;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.ImportedRecord;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.RecordSink;
import io.allice.platform.integrations.connector.ServiceClient;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.integrations.connector.ServiceResponse;
import io.allice.platform.integrations.connector.SyncRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * GitHub's REST API (version 2022-11-28): the authenticated user's repositories become
 * {@code github_repository} items. Works with GitHub Enterprise Server through
 * {@code ALLICE_INTEGRATIONS_GITHUB_BASE_URL} (its API lives under {@code /api/v3}).
 */
@Component
class GitHubConnector implements Connector {

    static final String CURSOR_SINCE = "updated_since";
    private static final int PAGE_SIZE = 100;

    @Override
    public ServiceName service() {
        return ServiceName.GITHUB;
    }

    @Override
    public String defaultBaseUrl() {
        return "https://api.github.com";
    }

    /** GitHub accepts PKCE with S256 on its OAuth app flow, and the client secret in the form body. */
    @Override
    public Optional<OAuthFlow> oauth() {
        return Optional.of(new OAuthFlow("https://github.com/login/oauth/authorize",
                "https://github.com/login/oauth/access_token", List.of("repo", "read:user"), " ", true,
                OAuthFlow.ClientAuthentication.FORM, Map.of()));
    }

    @Override
    public Map<String, String> defaultHeaders() {
        return Map.of("Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28");
    }

    /** {@code GET /user}; the account is the user's login. */
    @Override
    public String identify(ServiceClient client) {
        return client.get("/user", Map.of()).body().path("login").asString();
    }

    /**
     * {@code GET /user/repos}, most recently updated first, following the {@code Link} header.
     * An incremental sync passes {@code since}, so GitHub returns only repositories updated
     * after the newest update the previous sync saw.
     */
    @Override
    public Map<String, String> sync(ServiceClient client, SyncRequest request, RecordSink sink) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("per_page", String.valueOf(PAGE_SIZE));
        query.put("sort", "updated");
        query.put("direction", "desc");
        String since = request.incremental() ? request.cursor().getOrDefault(CURSOR_SINCE,
                request.lastSuccessfulSync().toString()) : null;
        if (since != null) {
            query.put("since", since);
        }

        Instant newest = since == null ? null : parse(since);
        Optional<String> next = Optional.of("/user/repos");
        boolean first = true;
        while (next.isPresent()) {
            ServiceResponse page = client.get(next.get(), first ? query : Map.of());
            first = false;
            for (JsonNode repository : page.body()) {
                sink.accept(record(repository));
                Instant updated = parse(repository.path("updated_at").asString(null));
                if (updated != null && (newest == null || updated.isAfter(newest))) {
                    newest = updated;
                }
            }
            next = page.nextLink();
        }
        return newest == null ? Map.of() : Map.of(CURSOR_SINCE, newest.toString());
    }

    /** {@code DELETE /applications/{client_id}/token}, authenticated with the OAuth app's own credentials. */
    @Override
    public void revoke(ServiceClient client) {
        Optional<ServiceClient.ClientCredentials> credentials = client.clientCredentials();
        if (credentials.isEmpty()) {
            return;
        }
        String clientId = credentials.get().clientId();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + credentials.get().clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        client.send("DELETE", "/applications/" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "/token",
                Map.of("access_token", client.accessToken()), Map.of("Authorization", "Basic " + basic));
    }

    private static ImportedRecord record(JsonNode repository) {
        String description = repository.path("description").isString() ? repository.path("description").asString() : null;
        return new ImportedRecord("repository", repository.path("id").asString(),
                repository.path("full_name").asString(repository.path("name").asString("")), description, repository,
                repository.path("html_url").asString(null), parse(repository.path("updated_at").asString(null)));
    }

    private static Instant parse(String time) {
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
