package io.allice.platform.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP/1.1 upload over a plain socket that stops sending as soon as the server responds, the
 * way curl does. {@code java.net.http} instead fails the whole exchange when the server responds
 * early (a 413) and then closes the connection while the body is still being sent.
 */
public final class RawHttp {

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) .*");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");
    private static final int CHUNK = 64 * 1024;

    private RawHttp() {
    }

    /** The status code and the response text after the headers. */
    public record Answer(int status, String headers, String body) {

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static Answer post(int port, String path, String token, MultipartBody body, boolean chunked) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: " + body.contentType() + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length() + "\r\n")
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            sendUntilAnswered(body, chunked, out, in);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        }
    }

    private static void sendUntilAnswered(MultipartBody body, boolean chunked, OutputStream out, InputStream in) {
        try (InputStream content = body.open()) {
            byte[] buffer = new byte[CHUNK];
            int read;
            while (in.available() == 0 && (read = content.readNBytes(buffer, 0, CHUNK)) > 0) {
                if (chunked) {
                    out.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(buffer, 0, read);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked && in.available() == 0) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // The server stopped reading, so its response is read next.
        }
    }

    /**
     * Reads until the response is complete by its {@code Content-Length} or final chunk. Reading
     * to the end of the stream would wait for the server to give up on the unsent rest of the body.
     */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        try {
            while (!isComplete(received.toString(StandardCharsets.UTF_8)) && (read = in.read(buffer)) > 0) {
                received.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // A reset after the response arrived. What was read is kept.
        }
        String text = received.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No complete HTTP answer received: " + text);
        }
        Matcher status = STATUS.matcher(text.substring(0, text.indexOf("\r\n")));
        if (!status.matches()) {
            throw new IOException("Not an HTTP/1.1 status line: " + text);
        }
        return new Answer(Integer.parseInt(status.group(1)), text.substring(0, end), text.substring(end + 4));
    }

    private static boolean isComplete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Matcher length = CONTENT_LENGTH.matcher(text.substring(0, end));
        if (length.find()) {
            return text.substring(end + 4).getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length.group(1));
        }
        return text.endsWith("\r\n0\r\n\r\n");
    }
}
