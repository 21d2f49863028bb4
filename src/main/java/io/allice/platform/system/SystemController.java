package io.allice.platform.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import io.allice.platform.ApplicationRestarter;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.system.HealthService.Health;
import io.allice.platform.system.HostStatistics.Stats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.logging.LogFile;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/system", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "System & Admin")
class SystemController {

    private static final Logger log = LoggerFactory.getLogger(SystemController.class);
    static final int MAX_LOG_LINES = 10_000;

    private final HealthService health;
    private final HostStatistics hostStatistics;
    private final ConfigurationReport configurationReport;
    private final ConfigurableApplicationContext context;
    private final Path logFile;

    /**
     * Takes the log file from the {@link LogFile} that the logging system chose at start-up. A
     * property source added later, as an {@code ApplicationContextInitializer} does, can change
     * {@code logging.file.name} but not the file that is written.
     */
    SystemController(HealthService health, HostStatistics hostStatistics, ConfigurationReport configurationReport,
            ConfigurableApplicationContext context, ObjectProvider<LogFile> logFile) {
        this.health = health;
        this.hostStatistics = hostStatistics;
        this.configurationReport = configurationReport;
        this.context = context;
        LogFile written = logFile.getIfAvailable();
        this.logFile = written == null ? null : Path.of(written.toString());
    }

    @GetMapping("/health")
    @SecurityRequirements
    @Operation(summary = "Health check, public; 503 while starting or stopping and when the database does not answer")
    ResponseEntity<Health> health() {
        Health current = health.check();
        return ResponseEntity.status(current.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(current);
    }

    @GetMapping("/stats")
    @Operation(summary = "CPU, memory and disk use of the host (admin only)")
    Stats stats() {
        return hostStatistics.read();
    }

    @GetMapping("/config")
    @Operation(summary = "The effective configuration, without secrets (admin only)")
    ConfigurationReport.Report config() {
        return configurationReport.report(health.version());
    }

    /** The last lines of the service's own log file, none when logging writes no file. */
    record LogLines(List<String> lines, int count) {
    }

    @GetMapping("/logs")
    @Operation(summary = "The last lines of the service's log (admin only)")
    LogLines logs(@Parameter(schema = @Schema(minimum = "1", maximum = "10000", defaultValue = "100"))
            @RequestParam(name = "lines", defaultValue = "100") int lines) {
        if (lines < 1 || lines > MAX_LOG_LINES) {
            throw ApiException.invalidField("lines", "must be between 1 and " + MAX_LOG_LINES);
        }
        try {
            List<String> tail = logFile == null ? List.of() : LogTail.lastLines(logFile, lines);
            return new LogLines(tail, tail.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the log file", e);
        }
    }

    /** The response to a restart request. */
    record RestartAccepted(String message) {
    }

    @PostMapping("/restart")
    @Operation(summary = "Restart the application context gracefully, after answering (admin only)")
    RestartAccepted restart(@AuthenticationPrincipal AuthenticatedUser admin) {
        if (!ApplicationRestarter.isManaged(context)) {
            throw new ApiException(HttpStatus.CONFLICT,
                    "This instance was not started as the Allice application, so it cannot restart itself");
        }
        log.warn("Administrator {} requested a restart", admin.id());
        ApplicationRestarter.restartLater();
        return new RestartAccepted("Restart scheduled: the service will be back in a few seconds");
    }
}
