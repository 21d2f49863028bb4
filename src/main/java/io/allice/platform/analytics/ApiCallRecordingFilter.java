package io.allice.platform.analytics;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import io.allice.platform.shared.error.Problems;
import io.allice.platform.shared.security.AuthenticatedUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every request under {@code /api/} as an {@code api_call} event once it has been
 * handled. It runs outside the security chain, so requests that the chain rejects are
 * recorded too. The request thread only queues the event in the {@link EventBuffer}.
 *
 * <p>The endpoint is the route template that Spring MVC matched, never the concrete path, so
 * the set of endpoints stays bounded. A request that reached no handler method is recorded
 * under {@value #UNMATCHED_NOT_FOUND} when it ended as 404, and under {@value #UNMATCHED}
 * otherwise (for example a 401 from the security chain).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ApiCallRecordingFilter extends OncePerRequestFilter {

    static final String UNMATCHED = "UNKNOWN";
    static final String UNMATCHED_NOT_FOUND = "NOT_FOUND";
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE");

    private final EventBuffer buffer;
    private final Clock clock;

    ApiCallRecordingFilter(EventBuffer buffer, Clock clock) {
        this.buffer = buffer;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant arrived = clock.instant();
        long started = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            // An exception that escapes the chain becomes a 500 from the container after this filter.
            int status = failed ? 500 : response.getStatus();
            buffer.offer(RecordedEvent.apiCall(callerId(request), method(request), endpoint(request, status), status,
                    durationMs, errorDetail(request, status), arrived));
        }
    }

    private static Long callerId(HttpServletRequest request) {
        return request.getAttribute(AuthenticatedUser.REQUEST_ATTRIBUTE) instanceof AuthenticatedUser user
                ? user.id() : null;
    }

    /** Any other method token is stored as OTHER, so that clients cannot grow the set of methods. */
    private static String method(HttpServletRequest request) {
        String method = request.getMethod();
        return KNOWN_METHODS.contains(method) ? method : "OTHER";
    }

    static String endpoint(HttpServletRequest request, int status) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        // The static resource handler matches any path as /**, which does not identify an endpoint.
        if (pattern instanceof String template && template.startsWith("/api/")) {
            return template;
        }
        return status == 404 ? UNMATCHED_NOT_FOUND : UNMATCHED;
    }

    private static String errorDetail(HttpServletRequest request, int status) {
        if (status < 400) {
            return null;
        }
        return request.getAttribute(Problems.DETAIL_ATTRIBUTE) instanceof String detail ? detail : null;
    }
}
