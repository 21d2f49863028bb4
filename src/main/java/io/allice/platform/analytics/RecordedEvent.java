package io.allice.platform.analytics;

import java.time.Instant;
import java.util.Map;

/**
 * One event to store: an API call the service recorded or an event a client reported.
 *
 * @param userId the caller, or null for an anonymous request
 * @param eventType {@value #API_CALL} for recorded API calls, otherwise the client's name
 * @param method HTTP method of an API call, null for client events
 * @param endpoint route template of an API call, such as {@code /api/items/{item_id}}
 * @param path the page or screen a client event is about
 * @param statusCode response status of an API call
 * @param durationMs time from the request's arrival to the end of its handling, in milliseconds
 * @param errorDetail the problem detail sent with an error response
 * @param properties free-form JSON object of a client event
 * @param createdAt when the request arrived or the client reported the event
 */
record RecordedEvent(Long userId, String eventType, String method, String endpoint, String path, Integer statusCode,
        Long durationMs, String errorDetail, Map<String, Object> properties, Instant createdAt) {

    static final String API_CALL = "api_call";
    static final String PAGE_VIEW = "page_view";

    static RecordedEvent apiCall(Long userId, String method, String endpoint, int statusCode, long durationMs,
            String errorDetail, Instant createdAt) {
        return new RecordedEvent(userId, API_CALL, method, endpoint, null, statusCode, durationMs, errorDetail, null,
                createdAt);
    }

    static RecordedEvent reported(long userId, String eventType, String path, Map<String, Object> properties,
            Instant createdAt) {
        return new RecordedEvent(userId, eventType, null, null, path, null, null, null, properties, createdAt);
    }
}
