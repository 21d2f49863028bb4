package io.allice.platform.integrations;

import java.util.List;
import java.util.Map;

import io.allice.platform.integrations.IntegrationViews.AuthorizationView;
import io.allice.platform.integrations.IntegrationViews.IntegrationView;
import io.allice.platform.integrations.IntegrationViews.SyncView;
import io.allice.platform.integrations.connector.ServiceHttp;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.json.UnstorableCharacters;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** The signed-in user's integrations: connect, sync, status, list, disconnect and OAuth authorisation. */
@RestController
@RequestMapping(path = "/api/integrations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Integrations")
class IntegrationController {

    private final IntegrationService integrations;
    private final SyncService syncs;
    private final OAuthService oauth;

    IntegrationController(IntegrationService integrations, SyncService syncs, OAuthService oauth) {
        this.integrations = integrations;
        this.syncs = syncs;
        this.oauth = oauth;
    }

    @GetMapping
    @Operation(summary = "Your connected integrations with their account, sync state and item counts")
    List<IntegrationView> list(@AuthenticationPrincipal AuthenticatedUser user) {
        return integrations.list(user.id());
    }

    @PostMapping("/{service}/connect")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Connect a service with an access token, checked with the service first; "
            + "for tradingview, returns a secret webhook_url instead")
    IntegrationView connect(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("service") String service,
            @RequestBody(required = false) ConnectRequest request) {
        ConnectRequest body = request == null ? new ConnectRequest(null, null, null, null) : request;
        return integrations.connect(user.id(), Connectors.serviceOf(service), body);
    }

    @GetMapping("/{service}/status")
    @Operation(summary = "One integration's account, sync state and item counts; 404 when not connected")
    IntegrationView status(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("service") String service) {
        return integrations.status(user.id(), Connectors.serviceOf(service));
    }

    @DeleteMapping("/{service}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disconnect: revoke the token at the service where it allows, forget it; imported items stay")
    void disconnect(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("service") String service) {
        integrations.disconnect(user.id(), Connectors.serviceOf(service));
    }

    @PostMapping("/{service}/sync")
    @Operation(summary = "Sync the service's data into items: 200 with the result when the job ends within the "
            + "wait, else 202 with sync_status syncing; a request while a sync runs answers with that sync's state")
    @ApiResponse(responseCode = "200", description = "The sync ended: completed, or error with error_message",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "202", description = "The sync still runs; follow it with GET /api/integrations/{service}/status",
            useReturnTypeSchema = true)
    ResponseEntity<SyncView> sync(@AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("service") String service,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = SyncBody.class)))
            @RequestBody(required = false) JsonNode body) {
        SyncCommand command = SyncCommand.parse(body);
        SyncService.Outcome outcome = syncs.sync(user.id(), Connectors.serviceOf(service), command.syncType(),
                command.options());
        return ResponseEntity.status(outcome.ended() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(outcome.view());
    }

    @GetMapping("/{service}/authorize")
    @Operation(summary = "The service's OAuth authorisation URL to send your browser to, with a single-use state")
    AuthorizationView authorize(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("service") String service) {
        return oauth.authorize(user.id(), Connectors.serviceOf(service));
    }

    /** The documented shape of the sync request body, which {@link SyncCommand#parse} reads. */
    record SyncBody(
            @Schema(allowableValues = {"full", "incremental"}, defaultValue = "full") String syncType,
            @Schema(description = "Options passed to the service's connector") Map<String, Object> options) {
    }

    /** The sync request body: {@code sync_type} {@code full} (the default) or {@code incremental}, and {@code options}. */
    record SyncCommand(String syncType, Map<String, Object> options) {

        private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
        };

        static SyncCommand parse(JsonNode body) {
            if (body == null || body.isNull() || body.isMissingNode()) {
                return new SyncCommand("full", Map.of());
            }
            if (!body.isObject()) {
                throw ApiException.badRequest("The request body must be a JSON object");
            }
            JsonNode type = body.path("sync_type");
            String syncType = type.isMissingNode() || type.isNull() ? "full" : type.isString() ? type.asString() : "";
            if (!syncType.equals("full") && !syncType.equals("incremental")) {
                throw ApiException.invalidField("sync_type", "must be full or incremental");
            }
            JsonNode options = body.path("options");
            if (!options.isMissingNode() && !options.isNull() && !options.isObject()) {
                throw ApiException.invalidField("options", "must be a JSON object");
            }
            Map<String, Object> values = options.isObject()
                    ? ServiceHttp.JSON.convertValue(options,
                            JSON_OBJECT)
                    : Map.of();
            if (UnstorableCharacters.contains(values)) {
                throw ApiException.invalidField("options",
                        UnstorableCharacters.MESSAGE);
            }
            return new SyncCommand(syncType, values);
        }
    }
}
