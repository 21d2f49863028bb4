package io.allice.platform.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A {@code multipart/form-data} body as a browser sends it (file names as raw UTF-8), built from
 * fields and files. A generated file of any size is produced while it is sent, never held in memory.
 */
public final class MultipartBody {

    private final String boundary = "allice-" + UUID.randomUUID();
    private final List<Supplier<InputStream>> segments = new ArrayList<>();
    private long length;

    public MultipartBody field(String name, String value) {
        bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    public MultipartBody file(String name, String filename, String contentType, byte[] content) {
        fileHeader(name, filename, contentType);
        segments.add(() -> new ByteArrayInputStream(content));
        length += content.length;
        bytes("\r\n");
        return this;
    }

    /** Adds a file whose name goes in the RFC 5987 form {@code filename*=UTF-8''...}, which may carry any character. */
    public MultipartBody fileWithEncodedName(String name, String filename, String contentType, byte[] content) {
        bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20")
                + "\r\nContent-Type: " + contentType + "\r\n\r\n");
        segments.add(() -> new ByteArrayInputStream(content));
        length += content.length;
        bytes("\r\n");
        return this;
    }

    /** Opens the whole body as a stream, for clients that write it themselves. */
    public InputStream open() {
        return stream();
    }

    /** Adds a file of {@code size} bytes of a repeating pattern, generated as it is sent. */
    public MultipartBody generatedFile(String name, String filename, long size) {
        fileHeader(name, filename, "application/octet-stream");
        segments.add(() -> new PatternInputStream(size));
        length += size;
        bytes("\r\n");
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public long length() {
        return length + closing().length;
    }

    /** The body with a declared {@code Content-Length}. */
    public HttpRequest.BodyPublisher withLength() {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(this::stream), length());
    }

    /** The body in chunked encoding, so the server learns its size only by reading it. */
    public HttpRequest.BodyPublisher chunked() {
        return HttpRequest.BodyPublishers.ofInputStream(this::stream);
    }

    private InputStream stream() {
        List<InputStream> streams = new ArrayList<>();
        segments.forEach(segment -> streams.add(segment.get()));
        streams.add(new ByteArrayInputStream(closing()));
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    private byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private void fileHeader(String name, String filename, String contentType) {
        bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + filename.replace("\"", "%22") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
    }

    private void bytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        segments.add(() -> new ByteArrayInputStream(bytes));
        length += bytes.length;
    }

    /** Bytes 0 to 250 over and over, {@code size} in all. */
    private static final class PatternInputStream extends InputStream {

        private final long size;
        private long position;

        PatternInputStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? (int) (position++ % 251) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(count, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) (position++ % 251);
            }
            return n;
        }
    }
}
