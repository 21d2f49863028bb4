package io.allice.platform.integrations;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.ServiceHttp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Builds the {@link ServiceHttp} client of one account, with the configured URLs and retry policy. */
@Component
class ServiceClients {

    private final ObjectProvider<HttpClient> http;
    private final Connectors connectors;
    private final OAuthTokenEndpoint tokenEndpoint;
    private final IntegrationProperties properties;
    private final Clock clock;
    private final ServiceHttp.Sleeper sleeper;

    ServiceClients(ObjectProvider<HttpClient> integrationHttpClient, Connectors connectors, OAuthTokenEndpoint tokenEndpoint,
            IntegrationProperties properties, Clock clock, ServiceHttp.Sleeper integrationSleeper) {
        this.http = integrationHttpClient;
        this.connectors = connectors;
        this.tokenEndpoint = tokenEndpoint;
        this.properties = properties;
        this.clock = clock;
        this.sleeper = integrationSleeper;
    }

    /** Wraps the tokens of one account, refreshed through the connector's OAuth flow where it has one. */
    RefreshingTokenSource tokens(Connector connector, TokenSet tokens, Consumer<TokenSet> onRefresh) {
        return new RefreshingTokenSource(connector.service(), tokens, connectors.oauth(connector),
                properties.of(connector.service()).credentials(), tokenEndpoint, clock, onRefresh);
    }

    ServiceHttp client(Connector connector, RefreshingTokenSource tokens) {
        return new ServiceHttp(http.getObject(), connector, connectors.baseUrl(connector), tokens,
                properties.of(connector.service()).credentials(),
                new ServiceHttp.RetryPolicy(properties.maxRetries(), properties.maxRateLimitWait(), properties.timeout()),
                clock, sleeper);
    }

    static ServiceHttp.Sleeper threadSleeper() {
        return duration -> Thread.sleep(duration.compareTo(Duration.ZERO) > 0 ? duration : Duration.ZERO);
    }
}
