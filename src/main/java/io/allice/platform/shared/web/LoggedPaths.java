package io.allice.platform.shared.web;

import java.util.List;

/**
 * Request paths as logs may show them. A path that carries a secret in its URL (the TradingView
 * webhook of the integrations area, whose secret is the caller's only credential, and public
 * share links) keeps its prefix and loses the secret, so the access log never contains a
 * working credential.
 */
public final class LoggedPaths {

    /** Prefixes whose following path segment is a secret. */
    private static final List<String> SECRET_PREFIXES = List.of("/api/integrations/tradingview/webhook/", "/shared/");
    static final String REDACTED = "[redacted]";

    private LoggedPaths() {
    }

    /** Replaces the secret segment after a known prefix; other paths are returned unchanged. */
    public static String redact(String path) {
        if (path == null) {
            return null;
        }
        for (String prefix : SECRET_PREFIXES) {
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                int end = path.indexOf('/', prefix.length());
                return prefix + REDACTED + (end < 0 ? "" : path.substring(end));
            }
        }
        return path;
    }
}
