package io.allice.platform.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

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
        assertThat(statusWithAuthorization((byte) 0x85)).isEqualTo(400);
    }

    @Test
    void acceptsLatinLetterInAuthorization() throws IOException {
        // U+00E9 is an assigned letter, so the request reaches token checking, which rejects it.
        assertThat(statusWithAuthorization((byte) 0xE9)).isEqualTo(401);
    }

    private int statusWithAuthorization(byte extra) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/items HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer ab"
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(extra);
            out.write("cd\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
