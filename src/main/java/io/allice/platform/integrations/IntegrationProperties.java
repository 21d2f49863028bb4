package io.allice.platform.integrations;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.allice.platform.integrations.connector.ServiceClient.ClientCredentials;
import io.allice.platform.integrations.connector.ServiceName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the integrations area. Secrets (the encryption key, client secrets) come only from
 * the environment and are never logged or returned.
 *
 * @param encryptionKey base64 of 32 random bytes that encrypt stored tokens; blank to use the
 *        key generated in the data directory
 * @param syncWait how long a sync request waits for its job before it returns {@code syncing}
 * @param maxRetries further attempts after a rate-limit response or a 5xx to a read
 * @param maxRateLimitWait the longest rate-limit wait a call sits out; a longer one fails the sync
 * @param timeout time limit of one call to a service
 * @param oauthStateLifetime how long an authorisation URL's state stays usable
 * @param oauthReturnUrl front-end page the OAuth callback redirects to; blank to answer with JSON
 * @param maxWebhookBodySize largest TradingView alert body accepted, in bytes
 * @param services per-service URLs and OAuth client, keyed by the service id with '-' for '_'
 */
@Validated
@ConfigurationProperties("allice.integrations")
record IntegrationProperties(
        String encryptionKey,
        @NotNull Duration syncWait,
        @Min(0) @Max(10) int maxRetries,
        @NotNull Duration maxRateLimitWait,
        @NotNull Duration timeout,
        @NotNull Duration oauthStateLifetime,
        String oauthReturnUrl,
        @Positive int maxWebhookBodySize,
        Map<String, ServiceSettings> services) {

    IntegrationProperties {
        encryptionKey = encryptionKey == null ? "" : encryptionKey.trim();
        oauthReturnUrl = oauthReturnUrl == null ? "" : oauthReturnUrl.trim();
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /**
     * One service's overrides; a blank value falls back to the connector's default.
     *
     * @param baseUrl API base URL
     * @param authorizeUrl OAuth authorisation endpoint
     * @param tokenUrl OAuth token endpoint
     * @param clientId OAuth client id
     * @param clientSecret OAuth client secret
     */
    record ServiceSettings(String baseUrl, String authorizeUrl, String tokenUrl, String clientId, String clientSecret) {

        static final ServiceSettings NONE = new ServiceSettings("", "", "", "", "");

        ServiceSettings {
            baseUrl = trimmed(baseUrl);
            authorizeUrl = trimmed(authorizeUrl);
            tokenUrl = trimmed(tokenUrl);
            clientId = trimmed(clientId);
            clientSecret = trimmed(clientSecret);
        }

        Optional<ClientCredentials> credentials() {
            return clientId.isEmpty() || clientSecret.isEmpty() ? Optional.empty()
                    : Optional.of(new ClientCredentials(clientId, clientSecret));
        }

        @Override
        public String toString() {
            return "ServiceSettings[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=<hidden>]";
        }

        private static String trimmed(String value) {
            return value == null ? "" : value.trim();
        }
    }

    ServiceSettings of(ServiceName service) {
        return services.getOrDefault(service.id().replace('_', '-'), ServiceSettings.NONE);
    }

    /** Names the environment variable of one setting, such as {@code ALLICE_INTEGRATIONS_GITHUB_CLIENT_ID}. */
    static String variable(ServiceName service, String setting) {
        return "ALLICE_INTEGRATIONS_" + service.environmentName() + "_" + setting;
    }

    @Override
    public String toString() {
        return "IntegrationProperties[syncWait=" + syncWait + ", maxRetries=" + maxRetries + ", services="
                + services + ", encryptionKey=<hidden>]";
    }
}
