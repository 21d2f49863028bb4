package io.allice.platform.integrations.connector;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The {@link ServiceClient} for one connected account, on the JDK's HTTP client.
 *
 * <p>Rate limits are read from every form the ten services use: {@code Retry-After} in seconds
 * or as a date, the reset-after headers in seconds (Discord), the reset headers as epoch
 * seconds (GitHub, GitLab, X) and Discord's {@code retry_after} body field. GitHub signals its
 * primary limit with 403 and {@code x-ratelimit-remaining: 0}, so that counts as a rate limit
 * too. A wait longer than {@link RetryPolicy#maxWait()} fails the call at once instead of
 * holding a job thread for an hour.
 */
public final class ServiceHttp implements ServiceClient {

    /** Service bodies keep their own field names, so this mapper has no naming strategy. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int MAX_MESSAGE_LENGTH = 300;

    /**
     * @param maxRetries further attempts after a rate-limit response, or after a 5xx to a read
     * @param maxWait the longest single wait for a rate limit; a longer one fails the call
     * @param timeout time limit of one request
     */
    public record RetryPolicy(int maxRetries, Duration maxWait, Duration timeout) {
    }

    /** Pauses the calling thread; tests pass one that records the waits instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final Connector connector;
    private final String baseUrl;
    private final AccessTokenSource tokens;
    private final Optional<ClientCredentials> clientCredentials;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;

    public ServiceHttp(HttpClient http, Connector connector, String baseUrl, AccessTokenSource tokens,
            Optional<ClientCredentials> clientCredentials, RetryPolicy policy, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.connector = connector;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tokens = tokens;
        this.clientCredentials = clientCredentials;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public ServiceName service() {
        return connector.service();
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public ServiceResponse get(String url, Map<String, String> query) {
        String target = resolve(url);
        if (!query.isEmpty()) {
            target += (target.contains("?") ? "&" : "?") + formEncode(query);
        }
        return send("GET", target, HttpRequest.BodyPublishers.noBody(), null, Map.of());
    }

    @Override
    public ServiceResponse postJson(String url, Object body) {
        String json = body == null ? "null" : JSON.writeValueAsString(body);
        return send("POST", resolve(url), HttpRequest.BodyPublishers.ofString(json), "application/json", Map.of());
    }

    @Override
    public ServiceResponse postJsonRead(String url, Object body) {
        String json = body == null ? "null" : JSON.writeValueAsString(body);
        return send("POST", resolve(url), HttpRequest.BodyPublishers.ofString(json), "application/json",
                Map.of(), true);
    }

    @Override
    public ServiceResponse postForm(String url, Map<String, String> form) {
        return send("POST", resolve(url), HttpRequest.BodyPublishers.ofString(formEncode(form)),
                "application/x-www-form-urlencoded", Map.of());
    }

    @Override
    public ServiceResponse delete(String url) {
        return send("DELETE", resolve(url), HttpRequest.BodyPublishers.noBody(), null, Map.of());
    }

    @Override
    public ServiceResponse send(String method, String url, Object jsonBody, Map<String, String> headers) {
        if (jsonBody == null) {
            return send(method, resolve(url), HttpRequest.BodyPublishers.noBody(), null, headers);
        }
        String json = JSON.writeValueAsString(jsonBody);
        return send(method, resolve(url), HttpRequest.BodyPublishers.ofString(json), "application/json", headers);
    }

    @Override
    public String accessToken() {
        return tokens.current();
    }

    @Override
    public Optional<ClientCredentials> clientCredentials() {
        return clientCredentials;
    }

    /** Encodes pairs as {@code application/x-www-form-urlencoded}, for bodies and query strings. */
    public static String formEncode(Map<String, String> pairs) {
        return pairs.entrySet().stream()
                .map(pair -> URLEncoder.encode(pair.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(pair.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String resolve(String url) {
        return url.startsWith("/") ? baseUrl + url : url;
    }

    private ServiceResponse send(String method, String url, HttpRequest.BodyPublisher body, String contentType,
            Map<String, String> headers) {
        return send(method, url, body, contentType, headers, method.equals("GET"));
    }

    private ServiceResponse send(String method, String url, HttpRequest.BodyPublisher body, String contentType,
            Map<String, String> headers, boolean readOnly) {
        String name = service().displayName();
        boolean ownAuthorization = headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase);
        boolean refreshed = false;
        int retries = 0;
        while (true) {
            HttpResponse<String> response = exchange(request(method, url, body, contentType, headers));
            int status = response.statusCode();
            if (status == 401 && !ownAuthorization) {
                if (!refreshed) {
                    refreshed = true;
                    if (tokens.refresh().isPresent()) {
                        continue;
                    }
                }
                throw new TokenRejectedException(service(), errorMessage(response.body(), status));
            }
            Optional<Duration> rateLimitWait = rateLimitWait(response);
            boolean retryableFailure = status >= 500 && readOnly;
            if (rateLimitWait.isPresent() || retryableFailure) {
                Duration wait = rateLimitWait.orElse(Duration.ofMillis(500L << Math.min(retries, 6)));
                if (retries >= policy.maxRetries()) {
                    throw new ServiceCallException(service(), status, name + " answered " + status
                            + (rateLimitWait.isPresent() ? " (rate limited)" : "") + " after "
                            + retries + " retries: " + errorMessage(response.body(), status));
                }
                if (wait.compareTo(policy.maxWait()) > 0) {
                    throw new ServiceCallException(service(), status, name + " is rate limiting this account for another "
                            + wait.toSeconds() + " s, longer than the " + policy.maxWait().toSeconds()
                            + " s a sync waits; try again later");
                }
                pause(wait);
                retries++;
                continue;
            }
            if (status >= 400) {
                throw new ServiceCallException(service(), status,
                        name + " answered " + status + ": " + errorMessage(response.body(), status));
            }
            return new ServiceResponse(status, parse(response.body()), response.headers());
        }
    }

    private HttpRequest request(String method, String url, HttpRequest.BodyPublisher body, String contentType,
            Map<String, String> headers) {
        URI target;
        HttpRequest.Builder request;
        try {
            target = URI.create(url);
            request = HttpRequest.newBuilder(target);
        } catch (IllegalArgumentException e) {
            throw new ServiceCallException(service(), 0, "the address of a " + service().displayName()
                    + " request is not a valid URL");
        }
        request.timeout(policy.timeout()).method(method, body).header("User-Agent", "allice-platform");
        // The account's token goes only to the configured API origin, so a pagination link or
        // another absolute URL that a service (or anyone in between) names cannot collect it.
        if (headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase) && sameOrigin(target)) {
            request.header("Authorization", connector.authorization(tokens.current()));
        }
        connector.defaultHeaders().forEach(request::setHeader);
        if (contentType != null) {
            request.setHeader("Content-Type", contentType);
        }
        headers.forEach(request::setHeader);
        return request.build();
    }

    /** Tells whether the address has the base URL's scheme, host and port. */
    boolean sameOrigin(URI target) {
        URI base = URI.create(baseUrl);
        return base.getScheme() != null && base.getScheme().equalsIgnoreCase(target.getScheme())
                && base.getHost() != null && base.getHost().equalsIgnoreCase(target.getHost())
                && effectivePort(base) == effectivePort(target);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ServiceCallException(service(), 0, "the call to " + service().displayName() + " timed out after "
                    + policy.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new ServiceCallException(service(), 0, "could not reach " + service().displayName()
                    + " at " + request.uri().getHost() + ": connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException(service(), 0, "the call to " + service().displayName() + " was interrupted");
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException(service(), 0, "the sync was interrupted while waiting for "
                    + service().displayName() + "'s rate limit");
        }
    }

    private ServiceCallException notJson() {
        return new ServiceCallException(service(), 0, service().displayName() + " returned a response body that is not JSON");
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw notJson();
        }
    }

    /** Returns the wait a rate-limit response requests, or empty for other responses. */
    Optional<Duration> rateLimitWait(HttpResponse<String> response) {
        int status = response.statusCode();
        boolean exhausted = response.headers().firstValue("x-ratelimit-remaining").map(String::trim)
                .filter("0"::equals).isPresent();
        if (status != 429 && !(status == 403 && (exhausted || quotaExceeded(response.body())))) {
            return Optional.empty();
        }
        Optional<Duration> wait = response.headers().firstValue("retry-after").flatMap(this::retryAfter)
                .or(() -> response.headers().firstValue("x-ratelimit-reset-after").flatMap(ServiceHttp::seconds))
                .or(() -> bodyRetryAfter(response.body()))
                .or(() -> firstHeader(response, "x-ratelimit-reset", "x-rate-limit-reset", "ratelimit-reset")
                        .flatMap(this::untilEpochSecond));
        return Optional.of(wait.orElse(Duration.ofSeconds(1)));
    }

    /**
     * Tells whether a 403 body is Google's rate-limit error: {@code error.errors[].reason}
     * {@code rateLimitExceeded} or {@code userRateLimitExceeded}, which come without any wait
     * header, so the default backoff applies.
     */
    private static boolean quotaExceeded(String body) {
        try {
            for (JsonNode error : JSON.readTree(body).path("error").path("errors")) {
                String reason = error.path("reason").asString("");
                if (reason.equals("rateLimitExceeded") || reason.equals("userRateLimitExceeded")) {
                    return true;
                }
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // Not JSON: not Google's rate-limit error.
        }
        return false;
    }

    private static Optional<String> firstHeader(HttpResponse<?> response, String... names) {
        for (String name : names) {
            Optional<String> value = response.headers().firstValue(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private Optional<Duration> retryAfter(String value) {
        Optional<Duration> seconds = seconds(value);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Optional<Duration> untilEpochSecond(String value) {
        try {
            long epochSecond = Long.parseLong(value.trim());
            // GitLab's RateLimit-Reset is an epoch second; a small number is a delay in seconds.
            if (epochSecond < 1_000_000_000L) {
                return Optional.of(Duration.ofSeconds(epochSecond));
            }
            return Optional.of(nonNegative(Duration.between(clock.instant(), Instant.ofEpochSecond(epochSecond))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            double seconds = Double.parseDouble(value.trim());
            if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> bodyRetryAfter(String body) {
        try {
            JsonNode value = JSON.readTree(body).path("retry_after");
            return value.isNumber() ? seconds(value.asString()) : Optional.empty();
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /**
     * Finds the human-readable message in the error shapes the services use: {@code message}
     * (GitHub, GitLab, Discord), {@code error.message} (Google, Microsoft Graph),
     * {@code error_summary} (Dropbox), {@code error} as a code (Slack, OAuth) with
     * {@code error_description}, and {@code detail} or {@code title} (X).
     */
    public static String errorMessage(String body, int status) {
        try {
            JsonNode json = JSON.readTree(body);
            String found = firstText(json, "message", "error_description", "error_summary", "detail", "title");
            if (found == null) {
                JsonNode error = json.path("error");
                found = error.isString() ? error.asString() : firstText(error, "message");
            }
            if (found == null && json.path("errors").isArray()) {
                found = firstText(json.path("errors").path(0), "message", "detail");
            }
            if (found != null) {
                return found.length() > MAX_MESSAGE_LENGTH ? found.substring(0, MAX_MESSAGE_LENGTH) + "..." : found;
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // Not JSON: the status alone is the message.
        }
        return "HTTP " + status;
    }

    private static String firstText(JsonNode json, String... fields) {
        for (String field : fields) {
            JsonNode value = json.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                return value.asString().strip();
            }
        }
        return null;
    }
}
