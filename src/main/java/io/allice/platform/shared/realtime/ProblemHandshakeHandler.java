package io.allice.platform.shared.realtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Responds to a malformed WebSocket handshake (a plain HTTP request to {@code /ws}, a missing
 * {@code Connection: Upgrade} or an unsupported protocol version) with a problem body instead
 * of plain text.
 */
class ProblemHandshakeHandler extends DefaultHandshakeHandler {

    @Override
    protected void handleInvalidUpgradeHeader(ServerHttpRequest request, ServerHttpResponse response)
            throws IOException {
        writeProblem(response, "This endpoint takes WebSocket connections only: send 'Upgrade: websocket'");
    }

    @Override
    protected void handleInvalidConnectHeader(ServerHttpRequest request, ServerHttpResponse response)
            throws IOException {
        writeProblem(response, "A WebSocket handshake needs the header 'Connection: Upgrade'");
    }

    @Override
    protected void handleWebSocketVersionNotSupported(ServerHttpRequest request, ServerHttpResponse response) {
        super.handleWebSocketVersionNotSupported(request, response);
        try {
            writeProblem(response, "Unsupported WebSocket version; use version 13");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeProblem(ServerHttpResponse response, String detail) throws IOException {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\",\"instance\":\"/ws\"}";
        response.getBody().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
