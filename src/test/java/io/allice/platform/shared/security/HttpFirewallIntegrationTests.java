package io.allice.platform.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The firewall's header checks in the running service. Header bytes arrive as ISO-8859-1, so a
 * raw byte 0x85 becomes the control character U+0085, which Java's HTTP client would not send.
 */
@IntegrationTest
class HttpFirewallIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void rejectsControlCharacterInAuthorization() throws IOException {
        String response = responseWithAuthorization((byte) 0x85);

        assertThat(statusOf(response)).isEqualTo(400);
        assertThat(response).contains("application/problem+json")
                .contains("a header or parameter contains characters that are not allowed")
                .doesNotContain("Bearer ab");
    }

    @Test
    void acceptsLatinLetterInAuthorization() throws IOException {
        // U+00E9 is an assigned letter, so the request reaches token checking, which rejects it.
        assertThat(statusOf(responseWithAuthorization((byte) 0xE9))).isEqualTo(401);
    }

    @Test
    void rejectedPathNamesReason() throws IOException {
        for (String path : List.of("/api//files/1", "/api/./files/1", "/api/files/%2e%2e/1")) {
            String response = exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(statusOf(response)).as(path).isEqualTo(400);
            assertThat(response).as(path).contains("application/problem+json")
                    .contains("\"instance\":\"" + path + "\"")
                    .contains("The request was rejected because the URL");
        }
    }

    private String responseWithAuthorization(byte extra) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/items HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer ab"
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(extra);
            out.write("cd\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static int statusOf(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
