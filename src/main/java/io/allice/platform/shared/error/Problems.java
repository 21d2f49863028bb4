package io.allice.platform.shared.error;

import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the one error shape of the API: RFC 9457 problem details with a readable detail. */
public final class Problems {

    /**
     * The request attribute that contains the {@code detail} of the problem sent as the response,
     * so that filters around the dispatcher (request recording) can read it without parsing
     * the body. It is set for every problem body that {@link ProblemResponseWriter} or a
     * controller or advice of this service writes.
     */
    public static final String DETAIL_ATTRIBUTE = Problems.class.getName() + ".detail";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(titleOf(status));
        return problem;
    }

    public static ProblemDetail withErrors(HttpStatusCode status, String detail, List<FieldViolation> errors) {
        ProblemDetail problem = of(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    static String titleOf(HttpStatusCode status) {
        var known = org.springframework.http.HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error " + status.value();
    }
}
