package io.allice.platform.shared.security;

import java.io.IOException;

import io.allice.platform.shared.error.ProblemResponseWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks with a problem body on rejection. The default processor rejects a
 * request from an origin that is not allowed with 403 and the plain text "Invalid CORS request".
 */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemResponseWriter writer;

    ProblemCorsProcessor(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        if (!(response instanceof ServletServerHttpResponse servletResponse)) {
            super.rejectRequest(response);
            return;
        }
        writer.write(servletResponse.getServletResponse(), HttpStatus.FORBIDDEN,
                "Cross-origin requests from this origin are not allowed. Add it to CORS_ALLOWED_ORIGINS to allow it.");
    }
}
