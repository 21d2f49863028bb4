package io.allice.platform.integrations;

import java.net.http.HttpClient;
import java.time.Duration;

import io.allice.platform.integrations.connector.ServiceHttp;
import io.allice.platform.shared.config.PlatformProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationProperties.class)
class IntegrationConfiguration {

    /** Resolved at start-up, so an invalid ALLICE_INTEGRATIONS_ENCRYPTION_KEY stops the service with its reason. */
    @Bean
    TokenCipher integrationTokenCipher(IntegrationProperties properties, PlatformProperties platform) {
        return TokenCipher.resolve(properties.encryptionKey(), platform.dataDir());
    }

    /**
     * One client for all services. Redirects are not followed, so the account's Authorization
     * header never goes to a host that a service's redirect points at. Built on the first call to
     * a service, because the client starts its own selector thread.
     */
    @Bean
    @Lazy
    HttpClient integrationHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceHttp.Sleeper integrationSleeper() {
        return ServiceClients.threadSleeper();
    }
}
