package io.allice.platform.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.storage.BlobNotFoundException;
import io.allice.platform.shared.storage.BlobStorage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Globals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Sends a stored blob as a download or stream: {@code HEAD} without a body, conditional requests
 * ({@code If-None-Match}, {@code If-Modified-Since}, {@code If-Range}) and one byte range per
 * request (206, or 416 with {@code Content-Range: bytes *}{@code /size} when it cannot be
 * satisfied). A request for several ranges gets the whole blob with 200, which RFC 9110 allows.
 *
 * <p>A blob kept as a local file is handed to Tomcat's sendfile support when the connector offers
 * it (plain HTTP on the NIO connector): Tomcat sends the bytes with {@code FileChannel.transferTo}
 * after the handler returns, so they go from the page cache to the socket without passing through
 * the heap or holding a thread. Other blobs (S3, small ones, a server without sendfile) are copied
 * through a fixed-size buffer, so memory does not grow with the blob's size or the number of slow
 * clients.
 */
public final class BlobResponses {

    private static final Logger log = LoggerFactory.getLogger(BlobResponses.class);
    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final int BUFFER_SIZE = 64 * 1024;
    /**
     * Below this length one buffered write is cheaper than handing the socket to Tomcat's poller.
     * Tomcat's DefaultServlet uses the same threshold by default (its {@code sendfileSize}, 48 KiB).
     */
    private static final long SENDFILE_MIN_BYTES = 48 * 1024;

    private BlobResponses() {
    }

    /**
     * A blob as it is served.
     *
     * @param etag a strong entity tag including its quotes; it must change whenever the content does
     * @param contentDisposition the full header value, see {@link ContentDispositions}
     */
    public record ServedBlob(String key, long size, String contentType, String etag, Instant lastModified,
            String contentDisposition) {
    }

    private record ByteRange(long start, long end) {

        long length() {
            return end - start + 1;
        }
    }

    public static void send(BlobStorage storage, ServedBlob blob, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (notModified(blob, request)) {
            writeValidators(blob, response);
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        ByteRange range = rangeHonoured(blob, request) ? parseRange(request.getHeader(HttpHeaders.RANGE), blob.size()) : null;

        writeValidators(blob, response);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, blob.contentDisposition());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        response.setContentType(blob.contentType());
        long start = range == null ? 0 : range.start();
        long length = range == null ? blob.size() : range.length();
        if (range != null) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + range.start() + "-" + range.end() + "/" + blob.size());
        }
        response.setContentLengthLong(length);
        if ("HEAD".equals(request.getMethod()) || length == 0) {
            return;
        }
        try {
            if (!sendfile(storage, blob.key(), start, length, request)) {
                copy(storage, blob.key(), start, length, response);
            }
        } catch (BlobNotFoundException | NoSuchFileException e) {
            // The record exists but its content was deleted in the meantime, or lost. Nothing
            // was sent yet, so the headers set above are reset for the 404.
            log.warn("Blob {} of a stored record not found: {}", blob.key(), e.getMessage());
            response.reset();
            throw new ApiException(HttpStatus.NOT_FOUND, "The content was not found. It may have been deleted.");
        }
    }

    /**
     * Asks Tomcat to send the range of the blob's file itself once the handler returns, and
     * returns whether it will. Nothing may be written to the response body afterwards.
     */
    private static boolean sendfile(BlobStorage storage, String key, long start, long length,
            HttpServletRequest request) throws IOException {
        if (length < SENDFILE_MIN_BYTES || !Boolean.TRUE.equals(request.getAttribute(Globals.SENDFILE_SUPPORTED_ATTR))) {
            return false;
        }
        Path file = storage.localFile(key).orElse(null);
        // A file shorter than the size in its record is streamed instead, which ends the response
        // early, rather than giving Tomcat a range that runs past the end of the file.
        if (file == null || Files.size(file) < start + length) {
            return false;
        }
        request.setAttribute(Globals.SENDFILE_FILENAME_ATTR, file.toString());
        request.setAttribute(Globals.SENDFILE_FILE_START_ATTR, start);
        request.setAttribute(Globals.SENDFILE_FILE_END_ATTR, start + length);
        return true;
    }

    private static void copy(BlobStorage storage, String key, long start, long length, HttpServletResponse response)
            throws IOException {
        try (InputStream content = storage.read(key, start, length)) {
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[BUFFER_SIZE];
            int read;
            while ((read = content.read(buffer)) > 0) {
                try {
                    out.write(buffer, 0, read);
                } catch (IOException e) {
                    // The client went away (closed the player or seeked elsewhere), so there is nothing left to send.
                    log.debug("Client stopped reading {}: {}", key, e.getMessage());
                    return;
                }
            }
        }
    }

    private static void writeValidators(ServedBlob blob, HttpServletResponse response) {
        response.setHeader(HttpHeaders.ETAG, blob.etag());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, blob.lastModified().toEpochMilli());
    }

    private static boolean notModified(ServedBlob blob, HttpServletRequest request) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, blob.etag());
        }
        long ifModifiedSince = dateHeader(request, HttpHeaders.IF_MODIFIED_SINCE);
        return ifModifiedSince >= 0
                && blob.lastModified().truncatedTo(ChronoUnit.SECONDS).toEpochMilli() <= ifModifiedSince;
    }

    /** A Range is honoured unless {@code If-Range} names another version of the blob. */
    private static boolean rangeHonoured(ServedBlob blob, HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.RANGE) == null) {
            return false;
        }
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        if (ifRange == null) {
            return true;
        }
        if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
            return ifRange.trim().equals(blob.etag());
        }
        long date = dateHeader(request, HttpHeaders.IF_RANGE);
        return date >= 0 && blob.lastModified().truncatedTo(ChronoUnit.SECONDS).toEpochMilli() == date;
    }

    /**
     * Parses one range against the blob's size. A header that is not a single well-formed byte
     * range is ignored, so the whole blob is sent. A well-formed range outside the blob is a 416.
     */
    static ByteRange parseRange(String header, long size) {
        Matcher matcher = SINGLE_RANGE.matcher(header.trim());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return null;
        }
        try {
            if (matcher.group(1).isEmpty()) {
                long suffix = Long.parseLong(matcher.group(2));
                if (suffix == 0 || size == 0) {
                    throw unsatisfiable(size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long start = Long.parseLong(matcher.group(1));
            long end = matcher.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(matcher.group(2));
            if (end < start) {
                return null;
            }
            if (start >= size) {
                throw unsatisfiable(size);
            }
            return new ByteRange(start, Math.min(end, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ApiException unsatisfiable(long size) {
        return new ApiException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                "The requested range is outside the content, which is " + size + " bytes long",
                java.util.List.of(), Map.of(HttpHeaders.CONTENT_RANGE, "bytes */" + size));
    }

    private static boolean matchesAny(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static long dateHeader(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
