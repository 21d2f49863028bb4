package io.allice.platform.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/** Reports whether the service can do its work, which today means reaching its database. */
@Service
class HealthService {

    private static final Logger log = LoggerFactory.getLogger(HealthService.class);
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Clock clock;
    private final String version;
    private final Instant startedAt;

    HealthService(DataSource dataSource, Clock clock, ObjectProvider<BuildProperties> buildProperties) {
        this.dataSource = dataSource;
        this.clock = clock;
        BuildProperties build = buildProperties.getIfAvailable();
        this.version = build != null ? build.getVersion() : "unknown";
        this.startedAt = clock.instant();
    }

    /** The service's health: status, build version, seconds since this context started, and the time. */
    record Health(String status, String version, double uptime, Instant timestamp, String database) {

        boolean healthy() {
            return "healthy".equals(status);
        }
    }

    String version() {
        return version;
    }

    Health check() {
        Instant now = clock.instant();
        boolean databaseUp = databaseAnswers();
        double uptime = Duration.between(startedAt, now).toMillis() / 1000.0;
        return new Health(databaseUp ? "healthy" : "unhealthy", version, uptime, now, databaseUp ? "up" : "down");
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(DATABASE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            log.warn("Health check could not reach the database: {}", e.getMessage());
            return false;
        }
    }
}
