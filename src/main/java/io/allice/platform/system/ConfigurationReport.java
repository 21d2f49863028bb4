package io.allice.platform.system;

import java.util.List;

import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.shared.persistence.DatabaseUrl;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The configuration an administrator may see: what is enabled and the limits, never a secret. */
@Component
class ConfigurationReport {

    private final PlatformProperties platform;
    private final DatabaseUrl databaseUrl;
    private final Environment environment;

    ConfigurationReport(PlatformProperties platform, DatabaseUrl databaseUrl, Environment environment) {
        this.platform = platform;
        this.databaseUrl = databaseUrl;
        this.environment = environment;
    }

    record Report(
            String environment,
            boolean debugMode,
            String version,
            long maxUploadSize,
            boolean stripeEnabled,
            boolean redisEnabled,
            String database,
            String storageBackend,
            String publicBaseUrl,
            List<String> corsAllowedOrigins,
            long jwtExpireMinutes) {
    }

    Report report(String version) {
        return new Report(
                platform.environment(),
                environment.getProperty("debug", Boolean.class, false),
                version,
                platform.maxUploadSize(),
                isSet("STRIPE_SECRET_KEY"),
                isSet("allice.redis-url"),
                databaseUrl.jdbcUrl().startsWith("jdbc:h2:") ? "h2" : databaseUrl.jdbcUrl().split(":")[1],
                environment.getProperty("STORAGE_BACKEND", "local"),
                platform.publicBaseUrl(),
                platform.corsAllowedOrigins(),
                environment.getProperty("allice.jwt.expire-minutes", Long.class, 1440L));
    }

    private boolean isSet(String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isBlank();
    }
}
