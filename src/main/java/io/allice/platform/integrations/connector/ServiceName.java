package io.allice.platform.integrations.connector;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The services a user can connect, with the identifier used in URLs and item types. */
public enum ServiceName {

    GOOGLE_DRIVE("google_drive", "Google Drive"),
    TRADINGVIEW("tradingview", "TradingView"),
    DROPBOX("dropbox", "Dropbox"),
    ONEDRIVE("onedrive", "OneDrive"),
    GITHUB("github", "GitHub"),
    GITLAB("gitlab", "GitLab"),
    SLACK("slack", "Slack"),
    DISCORD("discord", "Discord"),
    TWITTER("twitter", "X (Twitter)"),
    LINKEDIN("linkedin", "LinkedIn");

    private final String id;
    private final String displayName;

    ServiceName(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** Returns the identifier in URLs, responses and item types, such as {@code google_drive}. */
    public String id() {
        return id;
    }

    /** Returns the name shown to people, used in error messages. */
    public String displayName() {
        return displayName;
    }

    /** Returns the configuration infix, such as {@code GOOGLE_DRIVE} in {@code ALLICE_INTEGRATIONS_GOOGLE_DRIVE_BASE_URL}. */
    public String environmentName() {
        return name();
    }

    public static Optional<ServiceName> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String requested = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(service -> service.id.equals(requested)).findFirst();
    }

    /** Returns all identifiers, comma-separated, for the message that rejects an unknown service. */
    public static String supportedIds() {
        return Arrays.stream(values()).map(ServiceName::id).collect(Collectors.joining(", "));
    }
}
