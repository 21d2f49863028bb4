package io.allice.platform.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.allice.platform.integrations.IntegrationViews.IntegrationView;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.json.UnstorableCharacters;
import io.allice.platform.shared.security.RouteAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two integration routes that other parties call without a bearer token: the OAuth
 * callback, which the user's browser reaches from the service and which the signed state
 * authenticates, and the TradingView webhook, which the secret in its URL authenticates.
 */
@RestController
@Tag(name = "Integrations")
class IntegrationCallbackController {

    private final OAuthService oauth;
    private final WebhookAlerts alerts;
    private final IntegrationProperties properties;

    IntegrationCallbackController(OAuthService oauth, WebhookAlerts alerts, IntegrationProperties properties) {
        this.oauth = oauth;
        this.alerts = alerts;
        this.properties = properties;
    }

    @GetMapping(path = "/api/integrations/{service}/callback", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "OAuth redirect target: exchanges the code and connects the integration of the state's user; "
            + "answers JSON, or redirects to ALLICE_INTEGRATIONS_OAUTH_RETURN_URL when set")
    @ApiResponse(responseCode = "200", description = "Connected; the integration", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "302", description = "With a return URL configured: redirect carrying service, "
            + "status (connected or error) and detail")
    ResponseEntity<IntegrationView> callback(@PathVariable("service") String service,
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription) {
        String returnUrl = properties.oauthReturnUrl();
        try {
            IntegrationView view = oauth.callback(Connectors.serviceOf(service), code, state, error, errorDescription);
            if (returnUrl.isEmpty()) {
                return ResponseEntity.ok(view);
            }
            return redirect(returnUrl, "service=" + encode(view.serviceName()) + "&status=connected");
        } catch (ApiException e) {
            if (returnUrl.isEmpty()) {
                throw e;
            }
            String detail = e.errors().isEmpty() ? e.getMessage() : e.errors().getFirst().message();
            return redirect(returnUrl, "service=" + encode(service) + "&status=error&detail=" + encode(detail));
        }
    }

    @PostMapping(path = "/api/integrations/tradingview/webhook/{secret}", consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @SecurityRequirements
    @Operation(summary = "Receives a TradingView alert (JSON or plain text) at the secret URL that connecting returned")
    void webhook(@PathVariable("secret") String secret, HttpServletRequest request) throws IOException {
        // TODO: alerts count against the anonymous per-address rate limit. TradingView posts every
        // user's alerts from a few addresses, so a limit per secret would fit better.
        String body = readLimited(request, properties.maxWebhookBodySize());
        if (body.isBlank()) {
            throw ApiException.badRequest("The alert is empty");
        }
        if (UnstorableCharacters.contains(body)) {
            throw ApiException.badRequest("The alert " + UnstorableCharacters.MESSAGE);
        }
        alerts.receive(secret, request.getContentType(), body);
    }

    /** The callback and the webhook authenticate by their state and secret, never by a bearer token. */
    @Bean
    static RouteAccess integrationRouteAccess() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/api/integrations/*/callback").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/integrations/tradingview/webhook/*").permitAll();
    }

    private static String readLimited(HttpServletRequest request, int maxBytes) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "An alert may be at most " + maxBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static ResponseEntity<IntegrationView> redirect(String returnUrl, String query) {
        String location = returnUrl + (returnUrl.contains("?") ? "&" : "?") + query;
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, URI.create(location).toString()).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
