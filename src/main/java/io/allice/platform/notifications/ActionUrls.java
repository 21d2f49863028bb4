package io.allice.platform.notifications;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks where a notification may point: an absolute http(s) URL, or a path of the client app
 * starting with one {@code /}. A protocol-relative {@code //host} or a {@code javascript:} URL
 * would let a notification send its reader elsewhere, so both are rejected.
 */
final class ActionUrls {

    private ActionUrls() {
    }

    static boolean isAllowed(String value) {
        if (value.startsWith("/")) {
            return !value.startsWith("//") && !value.startsWith("/\\") && value.chars().noneMatch(Character::isWhitespace);
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
