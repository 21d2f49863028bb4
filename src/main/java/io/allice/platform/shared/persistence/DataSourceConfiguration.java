package io.allice.platform.shared.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import com.zaxxer.hikari.HikariDataSource;
import io.allice.platform.shared.config.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: PostgreSQL (or any JDBC URL) when {@code DATABASE_URL} is set, and
 * otherwise the embedded H2 file database, so the service starts with no infrastructure.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    @Bean
    DatabaseUrl databaseUrl(@Value("${allice.database-url:}") String configured, PlatformProperties platform) {
        if (configured == null || configured.isBlank()) {
            try {
                Files.createDirectories(platform.dataDir().resolve("db"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data directory " + platform.dataDir(), e);
            }
            return DatabaseUrl.embedded(platform.dataDir());
        }
        return DatabaseUrl.parse(configured);
    }

    @Bean(destroyMethod = "close")
    FirstComeDataSource dataSource(DatabaseUrl url,
            @Value("${allice.database-pool-size:10}") int poolSize,
            @Value("${allice.database-min-idle:-1}") int minIdle) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("allice");
        dataSource.setJdbcUrl(url.jdbcUrl());
        if (url.username() != null) {
            dataSource.setUsername(url.username());
        }
        if (url.password() != null) {
            dataSource.setPassword(url.password());
        }
        dataSource.setMaximumPoolSize(poolSize);
        // Hikari keeps the whole pool open unless configured otherwise, so tests with many contexts set a smaller minimum.
        dataSource.setMinimumIdle(minIdle < 0 ? poolSize : Math.min(minIdle, poolSize));
        log.info("Using database {}", url.redactedJdbcUrl());
        return new FirstComeDataSource(dataSource);
    }
}
