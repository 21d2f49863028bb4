package io.allice.platform.shared.ratelimit;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.allice.platform.shared.error.ProblemResponseWriter;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.web.ClientAddresses;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every API request against a per-minute limit: a signed-in caller's by account and tier
 * (with a separate, stricter bucket for {@code /api/ai/**}), an anonymous caller's by client
 * address. Every counted response carries {@code RateLimit-Limit}, {@code RateLimit-Remaining}
 * and {@code RateLimit-Reset} (seconds); a request over the limit is a 429 problem with
 * {@code Retry-After}.
 *
 * <p>It runs after the security filter chain (order -100), so the caller is known; requests that
 * the chain rejects with 401 are not counted.
 */
@Component
@Order(0)
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitBuckets buckets;
    private final RateLimitProperties limits;
    /** Resolved once: asking the provider on every request searched the bean factory each time. */
    private final SingletonSupplier<RateLimitTiers> tiers;
    private final ClientAddresses clientAddresses;
    private final ProblemResponseWriter problems;

    RateLimitFilter(RateLimitBuckets buckets, RateLimitProperties limits, ObjectProvider<RateLimitTiers> tiers,
            ClientAddresses clientAddresses, ProblemResponseWriter problems) {
        this.buckets = buckets;
        this.limits = limits;
        this.tiers = SingletonSupplier.of(() -> tiers.getIfAvailable(() -> userId -> RateLimitTier.FREE));
        this.clientAddresses = clientAddresses;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") || limits.exemptPaths().contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Quota quota = quotaFor(request);
        ConsumptionProbe probe = buckets.tryConsume(quota.key(), quota.limit());

        response.setHeader("RateLimit-Limit", Long.toString(quota.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", Long.toString(secondsRoundedUp(probe.getNanosToWaitForReset())));
        if (!probe.isConsumed()) {
            long retryAfter = secondsRoundedUp(probe.getNanosToWaitForRefill());
            log.debug("Rate limit of {} per minute reached for {}", quota.limit(), quota.key());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Rate limit of " + quota.limit()
                    + " requests per minute exceeded. Try again in " + retryAfter + " seconds.");
            return;
        }
        chain.doFilter(request, response);
    }

    private Quota quotaFor(HttpServletRequest request) {
        if (!(request.getAttribute(AuthenticatedUser.REQUEST_ATTRIBUTE) instanceof AuthenticatedUser user)) {
            return new Quota("address:" + clientAddresses.resolve(request), limits.anonymousPerMinute());
        }
        boolean ai = request.getRequestURI().startsWith("/api/ai/");
        RateLimitTier tier = tiers.obtain().tierOf(user.id());
        long limit = limits.perMinute(tier, ai);
        // The limit is part of the key, so a caller whose tier or limit changes starts a fresh bucket.
        String key = "user:" + user.id() + (ai ? ":ai:" : ":") + tier.name().toLowerCase(Locale.ROOT) + ":" + limit;
        return new Quota(key, limit);
    }

    private static long secondsRoundedUp(long nanos) {
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    private record Quota(String key, long limit) {
    }
}
