package io.allice.platform.integrations.services;

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
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.integrations.connector.SyncRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Discord through API v10: the guilds (servers) the user is a member of become
 * {@code discord_guild} items. Rate limits come as 429 with {@code Retry-After} and a
 * {@code retry_after} body field, which the client waits out.
 */
@Component
public class DiscordConnector implements Connector {

    private static final Logger log = LoggerFactory.getLogger(DiscordConnector.class);

    /** The largest {@code limit} that {@code GET /users/@me/guilds} accepts. */
    static final int PAGE_SIZE = 200;

    @Override
    public ServiceName service() {
        return ServiceName.DISCORD;
    }

    @Override
    public String defaultBaseUrl() {
        return "https://discord.com/api/v10";
    }

    /**
     * Requests scope {@code identify} for {@code GET /users/@me} and {@code guilds} for the guild list.
     * Discord's authorization server metadata lists PKCE with S256 and HTTP Basic client
     * authentication.
     */
    @Override
    public Optional<OAuthFlow> oauth() {
        return Optional.of(new OAuthFlow("https://discord.com/oauth2/authorize", "https://discord.com/api/oauth2/token",
                List.of("identify", "guilds"), " ", true, ClientAuthentication.BASIC, Map.of()));
    }

    @Override
    public String identify(ServiceClient client) {
        JsonNode user = client.get("/users/@me", Map.of()).body();
        String username = RecordFields.text(user, "username");
        if (username == null) {
            throw new ServiceCallException(service(), 200, "Discord returned GET /users/@me without a username");
        }
        return username;
    }

    /**
     * Reads the guilds in id order, 200 a page, passing the last id of each page as
     * {@code after}, until a page comes back short. Discord offers no filter for guilds changed
     * or joined since a time ({@code after} compares guild ids, which follow the guild's
     * creation), so an incremental sync reads the full list too and no cursor is kept.
     */
    @Override
    public Map<String, String> sync(ServiceClient client, SyncRequest request, RecordSink sink) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", String.valueOf(PAGE_SIZE));
        query.put("with_counts", "true");

        while (true) {
            JsonNode page = client.get("/users/@me/guilds", query).body();
            String lastId = null;
            for (JsonNode guild : page) {
                ImportedRecord record = toRecord(guild);
                sink.accept(record);
                lastId = record.sourceId();
            }
            if (page.size() < PAGE_SIZE || lastId == null || lastId.equals(query.get("after"))) {
                return Map.of();
            }
            query.put("after", lastId);
        }
    }

    /**
     * Revokes the token at {@code /oauth2/token/revoke}. The client id and secret travel in the
     * form body, which Discord's metadata lists as {@code client_secret_post}, because every
     * request of the client already carries the user's token as the Authorization header.
     */
    @Override
    public void revoke(ServiceClient client) {
        Optional<ClientCredentials> credentials = client.clientCredentials();
        if (credentials.isEmpty()) {
            log.warn("Discord token not revoked: the OAuth client id and secret are not configured");
            return;
        }
        client.postForm("/oauth2/token/revoke", Map.of(
                "token", client.accessToken(),
                "token_type_hint", "access_token",
                "client_id", credentials.get().clientId(),
                "client_secret", credentials.get().clientSecret()));
    }

    private ImportedRecord toRecord(JsonNode guild) {
        String id = RecordFields.id(guild, "id");
        if (id == null) {
            throw new ServiceCallException(service(), 200, "Discord listed a guild without an id");
        }
        String name = RecordFields.text(guild, "name");
        // A partial guild carries no description and no time of its last change.
        return new ImportedRecord("guild", id, name == null ? id : name, null, guild,
                "https://discord.com/channels/" + id, null);
    }
}
