package io.allice.platform.shared.storage;

/** Cleans the file name a client sends with an upload, which is kept for display only. */
public final class ClientFilenames {

    public static final int MAX_LENGTH = 255;

    private ClientFilenames() {
    }

    /**
     * Keeps only the last segment of the name (browsers may send a whole path), without control
     * characters, cut to {@value #MAX_LENGTH} characters; {@code upload} when nothing is left.
     * The result is shown back to clients and never used as a path.
     */
    public static String clean(String clientName) {
        String name = clientName == null ? "" : clientName;
        int lastSeparator = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(lastSeparator + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload";
        }
        int[] codePoints = name.codePoints().limit(MAX_LENGTH).toArray();
        return new String(codePoints, 0, codePoints.length);
    }
}
