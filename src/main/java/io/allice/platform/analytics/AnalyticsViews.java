package io.allice.platform.analytics;

import java.time.Instant;
import java.util.List;

/** Response bodies of the analytics endpoints. Averages are null where no API call was measured. */
final class AnalyticsViews {

    private AnalyticsViews() {
    }

    /** Counts over a period. {@code errors} are API calls that ended with status 400 or above. */
    record Usage(long totalEvents, long apiCalls, long pageViews, long errors, Double avgResponseTime,
            Instant periodStart, Instant periodEnd) {
    }

    /** The error responses of one endpoint, with the most recent one's detail and time. */
    record EndpointErrors(String method, String endpoint, long errorCount, String lastError, Instant lastOccurred) {
    }

    /** Response times of one endpoint in milliseconds. */
    record EndpointPerformance(String method, String endpoint, long totalCalls, double avgResponseTime,
            long minResponseTime, long maxResponseTime, double p95ResponseTime) {
    }

    /** API calls in one bucket, which starts at {@code timestamp}. */
    record TimeBucket(Instant timestamp, long calls, long errors, Double avgResponseTime) {
    }

    record TimeSeries(String bucket, Instant periodStart, Instant periodEnd, List<TimeBucket> points) {
    }

    /** The response to a batch of client events. */
    record EventsRecorded(int recorded) {
    }
}
