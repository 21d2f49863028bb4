package io.allice.platform.integrations;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.shared.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The connector beans by service, with the configured URLs applied over their defaults. */
@Component
class Connectors {

    private final Map<ServiceName, Connector> byService = new EnumMap<>(ServiceName.class);
    private final IntegrationProperties properties;

    Connectors(List<Connector> connectors, IntegrationProperties properties) {
        for (Connector connector : connectors) {
            if (byService.put(connector.service(), connector) != null) {
                throw new IllegalStateException("Two connectors for " + connector.service().id());
            }
        }
        this.properties = properties;
    }

    /** Parses a service id from a URL, or rejects it with 400 naming the supported ones. */
    static ServiceName serviceOf(String id) {
        return ServiceName.fromId(id).orElseThrow(() -> ApiException.badRequest("Unknown integration service '" + id
                + "'; supported services: " + ServiceName.supportedIds()));
    }

    /** Returns the service's connector, or throws 503 when this build has none for it. */
    Connector require(ServiceName service) {
        Connector connector = byService.get(service);
        if (connector == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, service.displayName()
                    + " is a supported service, but this installation has no connector for it yet");
        }
        return connector;
    }

    Optional<Connector> find(ServiceName service) {
        return Optional.ofNullable(byService.get(service));
    }

    /** {@code ALLICE_INTEGRATIONS_<SERVICE>_BASE_URL}, or the connector's default. */
    String baseUrl(Connector connector) {
        String configured = properties.of(connector.service()).baseUrl();
        return configured.isEmpty() ? connector.defaultBaseUrl() : configured;
    }

    /** Returns the connector's OAuth flow with the configured authorisation and token URLs applied. */
    Optional<OAuthFlow> oauth(Connector connector) {
        IntegrationProperties.ServiceSettings settings = properties.of(connector.service());
        return connector.oauth().map(flow -> new OAuthFlow(
                settings.authorizeUrl().isEmpty() ? flow.authorizeUrl() : settings.authorizeUrl(),
                settings.tokenUrl().isEmpty() ? flow.tokenUrl() : settings.tokenUrl(),
                flow.scopes(), flow.scopeSeparator(), flow.pkce(), flow.clientAuthentication(),
                flow.extraAuthorizeParameters()));
    }
}
