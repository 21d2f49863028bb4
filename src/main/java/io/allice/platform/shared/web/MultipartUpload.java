package io.allice.platform.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.allice.platform.shared.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.HttpStatus;

/**
 * Reads a {@code multipart/form-data} request as a stream: the one file part is handed to a
 * {@link FilePartHandler} while it arrives, and text fields before or after it are collected.
 * The whole body is limited to {@code maxBytes}: a larger declared length is rejected before
 * anything is read, and a body that passes the limit while it is read is cut off there. Both
 * end as a 413, after the handler has cleaned up what it wrote.
 */
public final class MultipartUpload {

    /** Text fields are short; this keeps a field from filling memory. */
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private MultipartUpload() {
    }

    /** Consumes the content of the file part, for example by streaming it to storage. */
    @FunctionalInterface
    public interface FilePartHandler<T> {

        /**
         * @param originalFilename the file name the client sent, which may be blank or hostile
         */
        T handle(String originalFilename, InputStream content) throws IOException;
    }

    /**
     * The outcome of reading a request.
     *
     * @param file what the handler returned, or {@code null} if the request had no file part
     */
    public record Result<T>(Map<String, String> fields, T file) {
    }

    /**
     * Reads the request, passing the first part named {@code filePart} that carries a file name to
     * {@code handler}. A second file part of that name is a 400.
     */
    public static <T> Result<T> read(HttpServletRequest request, long maxBytes, String filePart,
            FilePartHandler<T> handler) throws IOException {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw ApiException.badRequest("The request must be multipart/form-data with a '" + filePart + "' part");
        }
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        upload.setSizeMax(maxBytes);
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        T file = null;
        try {
            FileItemInputIterator parts = upload.getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField()) {
                    fields.putIfAbsent(part.getFieldName(), readField(part));
                } else if (filePart.equals(part.getFieldName()) && file == null) {
                    try (InputStream content = part.getInputStream()) {
                        file = handler.handle(part.getName() == null ? "" : part.getName(), content);
                    }
                } else if (filePart.equals(part.getFieldName())) {
                    throw ApiException.badRequest("Send one '" + filePart + "' part per request");
                }
            }
        } catch (FileUploadSizeException e) {
            throw tooLarge(maxBytes);
        } catch (FileUploadException e) {
            if (causedBySizeLimit(e)) {
                throw tooLarge(maxBytes);
            }
            throw ApiException.badRequest("The multipart body is malformed: " + e.getMessage());
        } catch (IOException e) {
            if (causedBySizeLimit(e)) {
                throw tooLarge(maxBytes);
            }
            throw e;
        }
        return new Result<>(fields, file);
    }

    private static String readField(FileItemInput part) throws IOException {
        try (InputStream content = part.getInputStream()) {
            byte[] bytes = content.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw ApiException.invalidField(part.getFieldName(), "must be at most " + MAX_FIELD_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static boolean causedBySizeLimit(Throwable error) {
        for (Throwable link = error; link != null; link = link.getCause()) {
            if (link instanceof FileUploadSizeException) {
                return true;
            }
        }
        return false;
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE,
                "The upload exceeds the limit of " + maxBytes + " bytes set by MAX_UPLOAD_SIZE");
    }
}
