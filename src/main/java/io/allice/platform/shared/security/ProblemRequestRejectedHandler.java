package io.allice.platform.shared.security;

import java.io.IOException;

import io.allice.platform.shared.error.ProblemResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Responds to a request that the HTTP firewall rejected (a path such as {@code /api//files} or
 * {@code /api/./files}, a forbidden method or character) with a 400 problem that gives the reason.
 * Spring's own handler sends a bare 400, which the error page turns into "Bad Request".
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

    private final ProblemResponseWriter problems;

    ProblemRequestRejectedHandler(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        String detail = detail(rejected);
        log.debug("Rejected {} request: {}", request.getMethod(), detail);
        problems.write(request, response, HttpStatus.BAD_REQUEST, detail);
    }

    /**
     * Returns the firewall's reason for a rejected path or method, which names only the part it
     * rejected. A rejected header or parameter gets a fixed text instead, because the firewall's
     * message repeats the value, which may be a credential.
     */
    static String detail(RequestRejectedException rejected) {
        String reason = rejected.getMessage();
        if (reason == null || reason.contains("header") || reason.contains("parameter")) {
            return "The request was rejected because a header or parameter contains characters that are not allowed";
        }
        return reason;
    }
}
