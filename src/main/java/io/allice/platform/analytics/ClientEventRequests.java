package io.allice.platform.analytics;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/analytics/events}. */
record ClientEventRequests(
        @NotNull(message = "is required")
        @Size(min = 1, max = MAX_EVENTS, message = "must hold 1 to " + MAX_EVENTS + " events")
        List<@NotNull(message = "must be an event object") @Valid ClientEvent> events) {

    static final int MAX_EVENTS = 100;
    static final int MAX_PATH_LENGTH = 1000;
    /** Largest {@code properties} object, measured as compact JSON in UTF-8. */
    static final int MAX_PROPERTIES_BYTES = 4096;
    static final String EVENT_TYPE_PATTERN = "^[A-Za-z][A-Za-z0-9_.:-]{0,63}$";
    static final String EVENT_TYPE_MESSAGE =
            "must be 1 to 64 letters, digits, '_', '.', ':' or '-', starting with a letter";

    /** One event a client reports, such as a page view. */
    record ClientEvent(
            @Schema(example = "page_view", description = "page_view or a name of your own; api_call is reserved")
            @NotNull(message = "is required")
            @Pattern(regexp = EVENT_TYPE_PATTERN, message = EVENT_TYPE_MESSAGE) String eventType,
            @Schema(example = "/pricing", maxLength = MAX_PATH_LENGTH)
            @Size(max = MAX_PATH_LENGTH, message = "must be at most " + MAX_PATH_LENGTH + " characters") String path,
            @Schema(description = "Any JSON object, at most 4096 bytes", example = "{\"referrer\": \"newsletter\"}")
            Map<String, Object> properties) {
    }
}
