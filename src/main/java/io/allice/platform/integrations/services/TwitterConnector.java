package io.allice.platform.integrations.services;

import static io.allice.platform.integrations.services.RecordFields.instant;
import static io.allice.platform.integrations.services.RecordFields.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.ImportedRecord;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.RecordSink;
import io.allice.platform.integrations.connector.ServiceCallException;
import io.allice.platform.integrations.connector.ServiceClient;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.integrations.connector.SyncRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * X (Twitter) through the API v2: the user's recent posts become {@code twitter_post} items.
 * X serves at most the 3,200 most recent posts of a user timeline. An incremental sync passes
 * the newest post id seen so far as {@code since_id}, so X returns only newer posts.
 */
@Component
public class TwitterConnector implements Connector {

    static final String CURSOR_KEY = "since_id";

    /** The largest page the user timeline accepts. */
    static final String PAGE_SIZE = "100";

    static final String TWEET_FIELDS =
            "created_at,conversation_id,in_reply_to_user_id,referenced_tweets,public_metrics,lang,entities";

    private static final int TITLE_LENGTH = 80;
    private static final Logger log = LoggerFactory.getLogger(TwitterConnector.class);

    @Override
    public ServiceName service() {
        return ServiceName.TWITTER;
    }

    @Override
    public String defaultBaseUrl() {
        return "https://api.x.com";
    }

    @Override
    public Optional<OAuthFlow> oauth() {
        // X requires PKCE, authenticates confidential clients with HTTP Basic at the token
        // endpoint, and issues a refresh token only with the offline.access scope.
        return Optional.of(new OAuthFlow(
                "https://x.com/i/oauth2/authorize",
                "https://api.x.com/2/oauth2/token",
                List.of("tweet.read", "users.read", "offline.access"),
                " ",
                true,
                OAuthFlow.ClientAuthentication.BASIC,
                Map.of()));
    }

    @Override
    public String identify(ServiceClient client) {
        return currentUser(client).username();
    }

    @Override
    public Map<String, String> sync(ServiceClient client, SyncRequest request, RecordSink sink) {
        User user = currentUser(client);
        String sinceId = request.incremental() ? request.cursor().get(CURSOR_KEY) : null;

        String newestId = null;
        int count = 0;
        String paginationToken = null;
        do {
            JsonNode page = client.get("/2/users/" + user.id() + "/tweets", timelineQuery(sinceId, paginationToken)).body();
            failOnErrorWithoutData(page);
            for (JsonNode post : page.path("data")) {
                String id = text(post, "id");
                if (id == null) {
                    continue;
                }
                sink.accept(toRecord(user, id, post));
                newestId = newer(newestId, id);
                count++;
            }
            paginationToken = text(page.path("meta"), "next_token");
        } while (paginationToken != null);

        log.debug("Read {} X posts of user {}", count, user.id());
        // With nothing new, the previous since_id stays the starting point of the next sync.
        String cursor = newer(newestId, sinceId);
        return cursor == null ? Map.of() : Map.of(CURSOR_KEY, cursor);
    }

    /**
     * Revokes the access token at X.
     * NOTE: this is the request X documents for public clients, with client_id in the body.
     * A confidential client must authenticate with HTTP Basic instead, which a
     * {@link ServiceClient} cannot send because every call carries the Bearer token, so X may
     * reject the call for such a client.
     */
    @Override
    public void revoke(ServiceClient client) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", client.accessToken());
        form.put("token_type_hint", "access_token");
        client.clientCredentials().ifPresent(credentials -> form.put("client_id", credentials.clientId()));
        client.postForm("/2/oauth2/revoke", form);
    }

    private User currentUser(ServiceClient client) {
        JsonNode data = client.get("/2/users/me", Map.of()).body().path("data");
        String id = text(data, "id");
        String username = text(data, "username");
        if (id == null || username == null) {
            throw new ServiceCallException(service(), 200, "X returned no user id or username for /2/users/me");
        }
        // The id becomes part of the timeline path, so anything but X's numeric ids is rejected.
        if (!id.chars().allMatch(character -> character >= '0' && character <= '9')) {
            throw new ServiceCallException(service(), 200, "X returned a user id that is not numeric: " + id);
        }
        return new User(id, username);
    }

    private static Map<String, String> timelineQuery(String sinceId, String paginationToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("max_results", PAGE_SIZE);
        query.put("tweet.fields", TWEET_FIELDS);
        if (sinceId != null) {
            query.put("since_id", sinceId);
        }
        if (paginationToken != null) {
            query.put("pagination_token", paginationToken);
        }
        return query;
    }

    /** X reports some failures, such as a suspended account, as 200 with only an errors array. */
    private void failOnErrorWithoutData(JsonNode page) {
        JsonNode error = page.path("errors").path(0);
        if (!page.has("data") && error.isObject()) {
            String detail = Optional.ofNullable(RecordFields.firstText(error, "detail", "title", "message"))
                    .orElse("an error without a detail");
            throw new ServiceCallException(service(), 200, "X returned " + detail);
        }
    }

    private static ImportedRecord toRecord(User user, String id, JsonNode post) {
        String text = Optional.ofNullable(text(post, "text")).orElse("");
        String link = "https://x.com/" + user.username() + "/status/" + id;
        return new ImportedRecord("post", id, title(text, id), text, post, link, instant(post, "created_at"));
    }

    /** Cuts the post's first line to a title of at most {@link #TITLE_LENGTH} code points. */
    private static String title(String text, String id) {
        String firstLine = text.strip().lines().findFirst().orElse("").strip();
        if (firstLine.isEmpty()) {
            return "Post " + id;
        }
        if (firstLine.codePointCount(0, firstLine.length()) <= TITLE_LENGTH) {
            return firstLine;
        }
        return firstLine.substring(0, firstLine.offsetByCodePoints(0, TITLE_LENGTH - 1)) + "…";
    }

    /** Returns the larger of two post ids, which are decimal numbers without leading zeros. */
    static String newer(String first, String second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        int byLength = Integer.compare(first.length(), second.length());
        return (byLength != 0 ? byLength : first.compareTo(second)) >= 0 ? first : second;
    }

    private record User(String id, String username) {
    }
}
