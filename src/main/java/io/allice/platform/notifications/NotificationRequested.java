package io.allice.platform.notifications;

import java.util.Map;

/**
 * Asks for a notification to a user. Publish it inside the transaction that caused it: the
 * notification is stored in that same transaction, so it exists exactly when the cause does,
 * and it is delivered after the commit.
 *
 * @param type one of {@code info}, {@code success}, {@code warning}, {@code error}
 * @param actionUrl an absolute http(s) URL or a path starting with {@code /}, or null
 * @param metadata a JSON object, or null
 * @param email whether to e-mail it even when its type alone would not
 */
public record NotificationRequested(long userId, String title, String message, String type, String actionUrl,
        Map<String, Object> metadata, boolean email) {
}
