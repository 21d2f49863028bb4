package io.allice.platform.shared.storage;

import java.io.IOException;
import java.io.InputStream;

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
        return TIKA.detect(content, metadata);
    }

    /** The usual extension of a media type with its dot, such as {@code .pdf}; {@code .bin} when none is known. */
    public static String extensionOf(String mimeType) {
        try {
            String extension = MimeTypes.getDefaultMimeTypes().forName(mimeType).getExtension();
            return extension == null || extension.isEmpty() ? ".bin" : extension;
        } catch (MimeTypeException e) {
            return ".bin";
        }
    }
}
