package io.allice.platform.analytics;

import java.util.List;

import io.allice.platform.analytics.AnalyticsViews.EndpointErrors;
import io.allice.platform.analytics.AnalyticsViews.EndpointPerformance;
import io.allice.platform.analytics.AnalyticsViews.EventsRecorded;
import io.allice.platform.analytics.AnalyticsViews.TimeSeries;
import io.allice.platform.analytics.AnalyticsViews.Usage;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Analytics & Metrics")
class AnalyticsController {

    private static final String USER_ID_HELP =
            "Whose events to count: only an administrator may name another user; without it an administrator "
                    + "sees every user's events and a plain user their own";

    private final AnalyticsService analytics;

    AnalyticsController(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/usage")
    @Operation(summary = "Count the events, API calls, page views and errors of a period")
    Usage usage(@AuthenticationPrincipal AuthenticatedUser caller,
            @Parameter(schema = @Schema(minimum = "1", maximum = "90", defaultValue = "7"))
            @RequestParam(name = "days", defaultValue = "7") int days,
            @Parameter(description = USER_ID_HELP) @RequestParam(name = "user_id", required = false) Long userId) {
        return analytics.usage(caller, userId, days);
    }

    @GetMapping("/errors")
    @Operation(summary = "List the endpoints with error responses, most errors first")
    List<EndpointErrors> errors(@AuthenticationPrincipal AuthenticatedUser caller,
            @Parameter(schema = @Schema(minimum = "1", maximum = "90", defaultValue = "7"))
            @RequestParam(name = "days", defaultValue = "7") int days,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100", defaultValue = "10"))
            @RequestParam(name = "limit", defaultValue = "10") int limit,
            @Parameter(description = USER_ID_HELP) @RequestParam(name = "user_id", required = false) Long userId) {
        return analytics.errors(caller, userId, days, limit);
    }

    @GetMapping("/performance")
    @Operation(summary = "List response times per endpoint in milliseconds, slowest on average first")
    List<EndpointPerformance> performance(@AuthenticationPrincipal AuthenticatedUser caller,
            @Parameter(schema = @Schema(minimum = "1", maximum = "90", defaultValue = "7"))
            @RequestParam(name = "days", defaultValue = "7") int days,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100", defaultValue = "10"))
            @RequestParam(name = "limit", defaultValue = "10") int limit,
            @Parameter(description = USER_ID_HELP) @RequestParam(name = "user_id", required = false) Long userId) {
        return analytics.performance(caller, userId, days, limit);
    }

    @GetMapping("/timeseries")
    @Operation(summary = "Count API calls and errors and average response times per hour or day")
    TimeSeries timeSeries(@AuthenticationPrincipal AuthenticatedUser caller,
            @Parameter(schema = @Schema(minimum = "1", maximum = "90", defaultValue = "7"))
            @RequestParam(name = "days", defaultValue = "7") int days,
            @Parameter(schema = @Schema(allowableValues = {"hour", "day"}, defaultValue = "day"))
            @RequestParam(name = "bucket", defaultValue = "day") String bucket,
            @Parameter(description = USER_ID_HELP) @RequestParam(name = "user_id", required = false) Long userId) {
        Bucket width = Bucket.parse(bucket)
                .orElseThrow(() -> ApiException.invalidField("bucket", "must be " + Bucket.ALLOWED));
        return analytics.timeSeries(caller, userId, days, width);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record up to 100 events the client observed, such as page views")
    ResponseEntity<EventsRecorded> record(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody ClientEventRequests request) {
        int recorded = analytics.record(caller, request.events());
        return ResponseEntity.status(HttpStatus.CREATED).body(new EventsRecorded(recorded));
    }
}
