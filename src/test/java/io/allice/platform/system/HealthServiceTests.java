package io.allice.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.allice.platform.system.HealthService.Health;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.logging.LogFile;
import org.springframework.http.ResponseEntity;

class HealthServiceTests {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void reportsHealthyWhenDatabaseAnswers() throws SQLException {
        HealthService health = healthOf(answeringDataSource(true));

        Health result = health.check();

        assertThat(result.status()).isEqualTo("healthy");
        assertThat(result.database()).isEqualTo("up");
        assertThat(result.timestamp()).isEqualTo(NOW);
        assertThat(result.uptime()).isZero();
    }

    @Test
    void reportsUnhealthyWhenDataSourceThrows() throws SQLException {
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenThrow(new SQLTransientConnectionException("Connection is not available"));
        HealthService health = healthOf(dataSource);

        Health result = health.check();

        assertThat(result.status()).isEqualTo("unhealthy");
        assertThat(result.database()).isEqualTo("down");
        assertThat(result.healthy()).isFalse();
    }

    @Test
    void reportsUnhealthyWhenConnectionIsInvalid() throws SQLException {
        HealthService health = healthOf(answeringDataSource(false));

        Health result = health.check();

        assertThat(result.status()).isEqualTo("unhealthy");
        assertThat(result.database()).isEqualTo("down");
    }

    @Test
    void endpointAnswers503WhenDataSourceThrows() throws SQLException {
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenThrow(new SQLException("Connection refused"));
        SystemController controller = controllerWith(healthOf(dataSource));

        ResponseEntity<Health> response = controller.health();

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody()).isNotNull();
        assertThat(response.getBody().status()).isEqualTo("unhealthy");
    }

    @Test
    void endpointAnswers200WhenDatabaseAnswers() throws SQLException {
        SystemController controller = controllerWith(healthOf(answeringDataSource(true)));

        ResponseEntity<Health> response = controller.health();

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody().status()).isEqualTo("healthy");
    }

    @Test
    void reportsStartingUntilReady() throws SQLException {
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        SystemController controller = controllerWith(healthOf(answeringDataSource(true), availability));

        ResponseEntity<Health> response = controller.health();

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody().status()).isEqualTo("starting");
        assertThat(response.getBody().database()).isEqualTo("up");
    }

    @Test
    void reportsStoppingAfterReadiness() throws SQLException {
        ApplicationAvailabilityBean availability = ready();
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
        SystemController controller = controllerWith(healthOf(answeringDataSource(true), availability));

        ResponseEntity<Health> response = controller.health();

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody().status()).isEqualTo("stopping");
    }

    @Test
    void reportsUnknownVersionWithoutBuildInfo() throws SQLException {
        HealthService health = healthOf(answeringDataSource(true));

        Health result = health.check();

        assertThat(result.version()).isEqualTo("unknown");
    }

    private static HealthService healthOf(DataSource dataSource) {
        return healthOf(dataSource, ready());
    }

    private static HealthService healthOf(DataSource dataSource, ApplicationAvailability availability) {
        return new HealthService(dataSource, availability, CLOCK,
                new DefaultListableBeanFactory().getBeanProvider(BuildProperties.class));
    }

    /** Availability as Spring Boot leaves it once the application is ready. */
    private static ApplicationAvailabilityBean ready() {
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(HealthServiceTests.class,
                ReadinessState.ACCEPTING_TRAFFIC));
        return availability;
    }

    private static DataSource answeringDataSource(boolean valid) throws SQLException {
        Connection connection = mock(Connection.class);
        when(connection.isValid(anyInt())).thenReturn(valid);
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenReturn(connection);
        return dataSource;
    }

    /** Builds a controller for the health route only, so the other routes' collaborators are null. */
    private static SystemController controllerWith(HealthService health) {
        return new SystemController(health, null, null, null,
                new DefaultListableBeanFactory().getBeanProvider(LogFile.class));
    }
}
