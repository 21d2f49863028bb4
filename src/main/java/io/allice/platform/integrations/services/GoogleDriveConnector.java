package io.allice.platform.integrations.services;

import static io.allice.platform.integrations.services.RecordFields.firstText;
import static io.allice.platform.integrations.services.RecordFields.instant;
import static io.allice.platform.integrations.services.RecordFields.text;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Google Drive through the Drive API v3: the files in the user's corpus (My Drive and the files
 * shared with the user, not shared drives) become {@code google_drive_file} and
 * {@code google_drive_folder} items.
 *
 * <p>Incremental syncs use the Changes API rather than a {@code modifiedTime >} query.
 * {@code modifiedTime} can be set by the uploading client, so a file uploaded today with last
 * year's time would never match the query, and a query also misses files that were shared
 * with the user or moved into the drive without being modified. The Changes API reports all
 * of these from a page token taken before the previous listing.
 */
@Component
public class GoogleDriveConnector implements Connector {

    static final String CURSOR_KEY = "start_page_token";

    /** Drive returns only id, name and mimeType unless {@code fields} names what else to send. */
    static final String FILE_FIELDS = "id,name,mimeType,description,webViewLink,iconLink,createdTime,"
            + "modifiedTime,size,parents,starred,trashed,owners(displayName,emailAddress)";

    /** The largest page that files.list and changes.list accept. */
    static final String PAGE_SIZE = "1000";

    private static final String FOLDER_MIME_TYPE = "application/vnd.google-apps.folder";
    private static final Logger log = LoggerFactory.getLogger(GoogleDriveConnector.class);

    private final String revokeUrl;

    /**
     * @param revokeUrl Google's token revocation endpoint, which is on another host than the
     *        API base and therefore configured on its own
     */
    public GoogleDriveConnector(
            @Value("${allice.integrations.google-drive.revoke-url:https://oauth2.googleapis.com/revoke}") String revokeUrl) {
        this.revokeUrl = revokeUrl;
    }

    @Override
    public ServiceName service() {
        return ServiceName.GOOGLE_DRIVE;
    }

    @Override
    public String defaultBaseUrl() {
        return "https://www.googleapis.com";
    }

    @Override
    public Optional<OAuthFlow> oauth() {
        // access_type=offline makes Google issue a refresh token, and prompt=consent makes it
        // issue one again when a user who already granted access connects a second time.
        return Optional.of(new OAuthFlow(
                "https://accounts.google.com/o/oauth2/v2/auth",
                "https://oauth2.googleapis.com/token",
                List.of("https://www.googleapis.com/auth/drive.metadata.readonly"),
                " ",
                true,
                OAuthFlow.ClientAuthentication.FORM,
                Map.of("access_type", "offline", "prompt", "consent")));
    }

    @Override
    public String identify(ServiceClient client) {
        JsonNode user = client.get("/drive/v3/about", Map.of("fields", "user")).body().path("user");
        String account = firstText(user, "emailAddress", "displayName");
        if (account == null) {
            throw new ServiceCallException(service(), 200, "Google Drive returned no user in /drive/v3/about");
        }
        return account;
    }

    @Override
    public Map<String, String> sync(ServiceClient client, SyncRequest request, RecordSink sink) {
        String savedToken = request.cursor().get(CURSOR_KEY);
        String nextToken = request.incremental() && savedToken != null
                ? readChanges(client, savedToken, sink)
                : readAllFiles(client, sink);
        return Map.of(CURSOR_KEY, nextToken);
    }

    @Override
    public void revoke(ServiceClient client) {
        // Revoking the access token also revokes the refresh token issued with it.
        client.postForm(revokeUrl, Map.of("token", client.accessToken()));
    }

    /** Lists every file that is not in the trash and returns the page token for later changes. */
    private String readAllFiles(ServiceClient client, RecordSink sink) {
        // Taken before the listing, so a change made while the listing runs is reported by the
        // next incremental sync instead of being lost between the two.
        String startToken = text(client.get("/drive/v3/changes/startPageToken", Map.of()).body(), "startPageToken");
        if (startToken == null) {
            throw new ServiceCallException(service(), 200, "Google Drive returned no startPageToken");
        }

        Set<String> seen = new HashSet<>();
        String pageToken = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("q", "trashed = false");
            query.put("pageSize", PAGE_SIZE);
            query.put("fields", "nextPageToken,files(" + FILE_FIELDS + ")");
            if (pageToken != null) {
                query.put("pageToken", pageToken);
            }
            JsonNode page = client.get("/drive/v3/files", query).body();
            for (JsonNode file : page.path("files")) {
                emit(file, seen, sink);
            }
            pageToken = text(page, "nextPageToken");
        } while (pageToken != null);

        log.debug("Listed {} Google Drive files", seen.size());
        return startToken;
    }

    /** Reads the changes since {@code pageToken} and returns the token for the next ones. */
    private String readChanges(ServiceClient client, String pageToken, RecordSink sink) {
        Set<String> seen = new HashSet<>();
        String token = pageToken;
        while (true) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("pageToken", token);
            query.put("pageSize", PAGE_SIZE);
            query.put("includeRemoved", "false");
            query.put("fields", "nextPageToken,newStartPageToken,changes(changeType,fileId,time,file("
                    + FILE_FIELDS + "))");
            JsonNode page = client.get("/drive/v3/changes", query).body();
            for (JsonNode change : page.path("changes")) {
                JsonNode file = change.path("file");
                // TODO: the record sink cannot delete items, so a file trashed at Drive keeps its item.
                if ("file".equals(text(change, "changeType")) && file.isObject()
                        && !file.path("trashed").asBoolean(false)) {
                    emit(file, seen, sink);
                }
            }

            String newStartToken = text(page, "newStartPageToken");
            if (newStartToken != null) {
                log.debug("Read {} changed Google Drive files", seen.size());
                return newStartToken;
            }
            token = text(page, "nextPageToken");
            if (token == null) {
                throw new ServiceCallException(service(), 200,
                        "Google Drive returned a changes page with neither nextPageToken nor newStartPageToken");
            }
        }
    }

    private void emit(JsonNode file, Set<String> seen, RecordSink sink) {
        String id = text(file, "id");
        if (id == null || !seen.add(id)) {
            return;
        }
        String kind = FOLDER_MIME_TYPE.equals(text(file, "mimeType")) ? "folder" : "file";
        String title = Optional.ofNullable(text(file, "name")).orElse(id);
        sink.accept(new ImportedRecord(kind, id, title, text(file, "description"), file,
                text(file, "webViewLink"), instant(file, "modifiedTime")));
    }
}
