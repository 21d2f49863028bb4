package io.allice.platform.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/** Detects a blob's media type from its first bytes with Apache Tika, never from a client's header. */
public final class ContentTypes {

    private static final Tika TIKA = new Tika();

    private ContentTypes() {
    }

    /**
     * Detects the type of the content at the start of {@code content}, which must support mark and
     * reset; the stream is reset to where it was. A {@code nameHint} only refines a type that the
     * content already shows (for example plain text to CSV), it cannot override the content.
     */
    public static String detect(InputStream content, String nameHint) throws IOException {
        Metadata metadata = new Metadata();
        if (nameHint != null && !nameHint.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, nameHint);
        }
        String detected = TIKA.detect(content, metadata);
        return detected.equals("video/quicktime") ? refineIsoMedia(content) : detected;
    }

    /**
     * Tika's core detector names every ISO base media file (MP4, M4A, MOV) QuickTime. The major
     * brand in the leading {@code ftyp} box distinguishes them: {@code qt  } is QuickTime, {@code M4A }
     * and {@code M4B } are MPEG-4 audio, and the others (isom, mp41, mp42, avc1 and so on) MP4 video.
     */
    private static String refineIsoMedia(InputStream content) throws IOException {
        content.mark(12);
        byte[] header = content.readNBytes(12);
        content.reset();
        if (header.length < 12 || !new String(header, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
            return "video/quicktime";
        }
        String brand = new String(header, 8, 4, StandardCharsets.ISO_8859_1);
        return switch (brand) {
            case "qt  " -> "video/quicktime";
            case "M4A ", "M4B " -> "audio/mp4";
            default -> "video/mp4";
        };
    }

    /** Returns the usual extension of a media type with its dot, such as {@code .pdf}, or {@code .bin} when none is known. */
    public static String extensionOf(String mimeType) {
        try {
            String extension = MimeTypes.getDefaultMimeTypes().forName(mimeType).getExtension();
            return extension == null || extension.isEmpty() ? ".bin" : extension;
        } catch (MimeTypeException e) {
            return ".bin";
        }
    }
}
