package io.allice.platform.integrations.services;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.ImportedRecord;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.OAuthFlow.ClientAuthentication;
import io.allice.platform.integrations.connector.RecordSink;
import io.allice.platform.integrations.connector.ServiceCallException;
import io.allice.platform.integrations.connector.ServiceClient;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.integrations.connector.ServiceResponse;
import io.allice.platform.integrations.connector.SyncRequest;
import io.allice.platform.integrations.connector.TokenRejectedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Slack through the Web API: the workspace's public channels, and the private channels the
 * token's user or bot is in, become {@code slack_channel} items.
 *
 * <p>Slack reports most errors with HTTP 200 and {@code "ok": false}, so every response goes
 * through {@link #checked}. Rate limits come as 429 with {@code Retry-After}, which the client
 * waits out.
 */
@Component
public class SlackConnector implements Connector {

    /** Slack's error codes that mean the token is unusable, so the user must connect again. */
    private static final Set<String> TOKEN_ERRORS = Set.of("not_authed", "invalid_auth", "account_inactive",
            "token_revoked", "token_expired", "no_permission", "missing_scope", "not_allowed_token_type",
            "ekm_access_denied", "org_login_required", "team_access_not_granted");

    /** Slack advises at most 200 per page, and may return fewer before the end. */
    private static final String PAGE_SIZE = "200";

    @Override
    public ServiceName service() {
        return ServiceName.SLACK;
    }

    @Override
    public String defaultBaseUrl() {
        return "https://slack.com/api";
    }

    /**
     * OAuth v2 with bot scopes, whose token {@code oauth.v2.access} returns at the top level.
     * Slack documents PKCE ({@code code_verifier}) only for {@code oauth.v2.user.access}, and
     * prefers the client id and secret as HTTP Basic.
     */
    @Override
    public Optional<OAuthFlow> oauth() {
        return Optional.of(new OAuthFlow("https://slack.com/oauth/v2/authorize", "https://slack.com/api/oauth.v2.access",
                List.of("channels:read", "groups:read"), ",", false, ClientAuthentication.BASIC, Map.of()));
    }

    /** Returns the token's user and workspace from {@code auth.test}, such as {@code grace in Acme}. */
    @Override
    public String identify(ServiceClient client) {
        JsonNode identity = checked(client.get("/auth.test", Map.of()), "auth.test");
        String user = RecordFields.text(identity, "user");
        String team = RecordFields.text(identity, "team");
        if (user == null && team == null) {
            throw new ServiceCallException(service(), 200, "Slack returned auth.test without a user or team name");
        }
        if (user == null || team == null) {
            return user == null ? team : user;
        }
        return user + " in " + team;
    }

    /**
     * Reads every channel page by page until {@code next_cursor} is empty. Slack's
     * {@code conversations.list} has no filter for channels changed since a time, so an
     * incremental sync reads the full list too, and no cursor is kept between syncs.
     */
    @Override
    public Map<String, String> sync(ServiceClient client, SyncRequest request, RecordSink sink) {
        String workspaceUrl = RecordFields.text(checked(client.get("/auth.test", Map.of()), "auth.test"), "url");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("types", "public_channel,private_channel");
        query.put("exclude_archived", "false");
        query.put("limit", PAGE_SIZE);

        while (true) {
            JsonNode page = checked(client.get("/conversations.list", query), "conversations.list");
            for (JsonNode channel : page.path("channels")) {
                sink.accept(toRecord(channel, workspaceUrl));
            }
            String nextCursor = RecordFields.text(page.path("response_metadata"), "next_cursor");
            if (nextCursor == null) {
                return Map.of();
            }
            query.put("cursor", nextCursor);
        }
    }

    /** Revokes the token with {@code auth.revoke}, which takes the token from the Authorization header. */
    @Override
    public void revoke(ServiceClient client) {
        checked(client.postForm("/auth.revoke", Map.of()), "auth.revoke");
    }

    /**
     * Returns the body of a successful Slack response.
     *
     * @throws TokenRejectedException when the error code marks the token as unusable
     * @throws ServiceCallException for any other {@code "ok": false}
     */
    private JsonNode checked(ServiceResponse response, String method) {
        JsonNode body = response.body();
        JsonNode ok = body.path("ok");
        if (ok.isBoolean() && ok.booleanValue()) {
            return body;
        }
        String error = RecordFields.text(body, "error");
        if (error == null) {
            error = "no error code";
        }
        if (TOKEN_ERRORS.contains(error)) {
            throw new TokenRejectedException(service(), error);
        }
        throw new ServiceCallException(service(), response.status(), "Slack's " + method + " failed: " + error);
    }

    private ImportedRecord toRecord(JsonNode channel, String workspaceUrl) {
        String id = RecordFields.text(channel, "id");
        if (id == null) {
            throw new ServiceCallException(service(), 200, "Slack listed a channel without an id");
        }
        String name = RecordFields.text(channel, "name");
        String description = RecordFields.text(channel.path("purpose"), "value");
        if (description == null) {
            description = RecordFields.text(channel.path("topic"), "value");
        }
        String link = workspaceUrl == null ? null
                : (workspaceUrl.endsWith("/") ? workspaceUrl : workspaceUrl + "/") + "archives/" + id;
        return new ImportedRecord("channel", id, name == null ? id : name, description, channel, link,
                changedAt(channel));
    }

    /** Returns when the channel last changed: {@code updated} in milliseconds, else {@code created} in seconds. */
    private static Instant changedAt(JsonNode channel) {
        JsonNode updated = channel.path("updated");
        if (updated.isIntegralNumber()) {
            return Instant.ofEpochMilli(updated.longValue());
        }
        JsonNode created = channel.path("created");
        return created.isIntegralNumber() ? Instant.ofEpochSecond(created.longValue()) : null;
    }
}
