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
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/**
 * Reports whether the service can do its work: it has finished starting (the administrator
 * bootstrap and the other start-up runners included), is not shutting down, and reaches its
 * database. Spring Boot's readiness state covers the first two, so a load balancer or a script
 * that waits for 200 never meets a service that would still reject the administrator's sign-in.
 */
@Service
class HealthService {

    private static final Logger log = LoggerFactory.getLogger(HealthService.class);
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final ApplicationAvailability availability;
    private final Clock clock;
    private final String version;
    private final Instant startedAt;

    HealthService(DataSource dataSource, ApplicationAvailability availability, Clock clock,
            ObjectProvider<BuildProperties> buildProperties) {
        this.dataSource = dataSource;
        this.availability = availability;
        this.clock = clock;
        BuildProperties build = buildProperties.getIfAvailable();
        this.version = build != null ? build.getVersion() : "unknown";
        this.startedAt = clock.instant();
    }

    /**
     * The service's health: status ({@code healthy}, {@code unhealthy} when the database is
     * unreachable, {@code starting} or {@code stopping}), build version, seconds since this context
     * started, the time, and the database's state.
     */
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
        return new Health(status(databaseUp), version, uptime, now, databaseUp ? "up" : "down");
    }

    private String status(boolean databaseUp) {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            // Boot records no readiness change until the context is ready, and sets REFUSING_TRAFFIC again on close.
            return availability.getLastChangeEvent(ReadinessState.class) == null ? "starting" : "stopping";
        }
        return databaseUp ? "healthy" : "unhealthy";
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
