package io.allice.platform.integrations.services;

import static io.allice.platform.integrations.services.RecordFields.firstText;
import static io.allice.platform.integrations.services.RecordFields.instant;
import static io.allice.platform.integrations.services.RecordFields.text;

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
 * OneDrive through Microsoft Graph: the drive items of the user's OneDrive become
 * {@code onedrive_file} and {@code onedrive_folder} items. Both sync types read the delta
 * feed of the drive root. A full sync starts it without a token, which enumerates the whole
 * drive. An incremental sync calls the {@code @odata.deltaLink} the previous sync ended with,
 * so Graph returns only the items changed since.
 */
@Component
public class OneDriveConnector implements Connector {

    static final String CURSOR_KEY = "delta_link";

    private static final String ROOT_DELTA = "/me/drive/root/delta";
    private static final Logger log = LoggerFactory.getLogger(OneDriveConnector.class);

    @Override
    public ServiceName service() {
        return ServiceName.ONEDRIVE;
    }

    @Override
    public String defaultBaseUrl() {
        return "https://graph.microsoft.com/v1.0";
    }

    @Override
    public Optional<OAuthFlow> oauth() {
        // offline_access is the scope that makes the Microsoft identity platform issue a
        // refresh token. The common tenant accepts both work and personal accounts.
        return Optional.of(new OAuthFlow(
                "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                "https://login.microsoftonline.com/common/oauth2/v2.0/token",
                List.of("offline_access", "User.Read", "Files.Read"),
                " ",
                true,
                OAuthFlow.ClientAuthentication.FORM,
                Map.of()));
    }

    @Override
    public String identify(ServiceClient client) {
        JsonNode me = client.get("/me", Map.of("$select", "displayName,mail,userPrincipalName")).body();
        String account = firstText(me, "userPrincipalName", "mail", "displayName");
        if (account == null) {
            throw new ServiceCallException(service(), 200, "Microsoft Graph returned no name for /me");
        }
        return account;
    }

    @Override
    public Map<String, String> sync(ServiceClient client, SyncRequest request, RecordSink sink) {
        String deltaLink = request.cursor().get(CURSOR_KEY);
        if (request.incremental() && deltaLink != null) {
            Optional<String> nextDeltaLink = readChanges(client, deltaLink, sink);
            if (nextDeltaLink.isPresent()) {
                return Map.of(CURSOR_KEY, nextDeltaLink.get());
            }
        }
        return Map.of(CURSOR_KEY, readDelta(client, ROOT_DELTA, sink));
    }

    /**
     * Reads the changes behind a saved delta link.
     *
     * @return the next delta link, or empty when the saved one cannot be used and the whole
     *         drive must be read instead
     */
    private Optional<String> readChanges(ServiceClient client, String deltaLink, RecordSink sink) {
        if (!onBaseUrl(client, deltaLink)) {
            log.info("The saved OneDrive delta link is not below the configured base URL, so this sync reads the whole drive");
            return Optional.empty();
        }
        try {
            return Optional.of(readDelta(client, deltaLink, sink));
        } catch (ServiceCallException e) {
            // Graph returns 410 Gone when the delta token has expired and the drive must be
            // enumerated again.
            if (e.status() != 410) {
                throw e;
            }
            log.info("Microsoft Graph expired the saved OneDrive delta link, so this sync reads the whole drive");
            return Optional.empty();
        }
    }

    /**
     * Does not revoke anything. NOTE: the Microsoft identity platform offers no endpoint that
     * revokes a single token. Graph's revokeSignInSessions would sign the user out of every
     * application, so disconnecting only deletes the stored tokens, and the refresh token
     * stays valid at Microsoft until it expires or the user removes the app's consent.
     */
    @Override
    public void revoke(ServiceClient client) {
    }

    /** Follows the delta feed from {@code url} to its end and returns the new delta link. */
    private String readDelta(ServiceClient client, String url, RecordSink sink) {
        int count = 0;
        String next = url;
        while (true) {
            JsonNode page = client.get(next, Map.of()).body();
            // The same item can appear more than once in a delta feed, and Graph's rule is that
            // the last occurrence wins, so every occurrence is passed on in order.
            for (JsonNode item : page.path("value")) {
                if (isImportable(item)) {
                    sink.accept(toRecord(item));
                    count++;
                }
            }

            String deltaLink = text(page, "@odata.deltaLink");
            if (deltaLink != null) {
                log.debug("Read {} OneDrive drive items", count);
                return deltaLink;
            }
            next = text(page, "@odata.nextLink");
            if (next == null) {
                throw new ServiceCallException(service(), 200,
                        "Microsoft Graph returned a delta page with neither @odata.nextLink nor @odata.deltaLink");
            }
            // The access token travels with every call, so it goes only to the configured host.
            if (!onBaseUrl(client, next)) {
                throw new ServiceCallException(service(), 200,
                        "Microsoft Graph returned an @odata.nextLink outside the configured base URL");
            }
        }
    }

    private static boolean onBaseUrl(ServiceClient client, String link) {
        return link.startsWith(client.baseUrl() + "/");
    }

    // TODO: the record sink cannot delete items, so an item deleted at OneDrive keeps its item.
    private static boolean isImportable(JsonNode item) {
        return text(item, "id") != null && !item.has("deleted") && !item.has("root");
    }

    private static ImportedRecord toRecord(JsonNode item) {
        String id = text(item, "id");
        String kind = item.has("folder") ? "folder" : "file";
        String title = Optional.ofNullable(text(item, "name")).orElse(id);
        return new ImportedRecord(kind, id, title, text(item, "description"), item,
                text(item, "webUrl"), instant(item, "lastModifiedDateTime"));
    }
}
