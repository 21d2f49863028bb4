package io.allice.platform.analytics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Analytics settings.
 *
 * @param retentionDays days an event is kept before the retention job deletes it
 * @param bufferCapacity API-call events that may wait in memory for the writer; events past
 *     it are dropped and counted
 * @param batchSize maximum events the writer inserts in one batch
 */
@Validated
@ConfigurationProperties("allice.analytics")
record AnalyticsProperties(
        @Min(1) @Max(36_500) int retentionDays,
        @Min(1) @Max(1_000_000) int bufferCapacity,
        @Min(1) @Max(10_000) int batchSize) {
}
