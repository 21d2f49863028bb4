package io.allice.platform.shared.error;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the status and the client-safe detail to send. The
 * message is shown to the client as it is, so it never contains secrets or internals.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldViolation> errors;
    private final Map<String, String> headers;

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, List.of(), Map.of());
    }

    public ApiException(HttpStatus status, String detail, List<FieldViolation> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldViolation> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    /** Creates a 400 for one invalid field, listed in the problem's {@code errors} array too. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, field + ": " + message,
                List.of(new FieldViolation(field, message)), Map.of());
    }

    public static ApiException invalidFields(List<FieldViolation> violations) {
        String detail = violations.size() == 1
                ? violations.getFirst().field() + ": " + violations.getFirst().message()
                : "The request has " + violations.size() + " invalid fields";
        return new ApiException(HttpStatus.BAD_REQUEST, detail, violations, Map.of());
    }

    /** Creates a 429 with the seconds the client must wait in Retry-After. */
    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, detail, List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }
}
