package io.allice.platform.shared.web;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} values that carry any file name safely (RFC 6266): a quoted ASCII
 * fallback for old clients, with quotes, backslashes, control and non-ASCII characters replaced by
 * {@code _}, and the exact name as UTF-8 in {@code filename*} (RFC 8187 encoding).
 */
public final class ContentDispositions {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContentDispositions() {
    }

    public static String attachment(String filename) {
        return of("attachment", filename);
    }

    public static String inline(String filename) {
        return of("inline", filename);
    }

    private static String of(String type, String filename) {
        if (filename == null || filename.isEmpty()) {
            return type;
        }
        return type + "; filename=\"" + asciiFallback(filename) + "\"; filename*=UTF-8''" + encode(filename);
    }

    private static String asciiFallback(String filename) {
        StringBuilder fallback = new StringBuilder(filename.length());
        filename.codePoints().forEach(c -> fallback.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '_' : (char) c));
        return fallback.toString();
    }

    private static String encode(String filename) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return encoded.toString();
    }
}
