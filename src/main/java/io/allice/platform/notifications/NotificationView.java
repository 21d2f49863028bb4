package io.allice.platform.notifications;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** A notification as the API and the real-time events return it. */
record NotificationView(
        @Schema(example = "1") long id,
        @Schema(example = "Export finished") String title,
        @Schema(example = "Your export is ready to download.") String message,
        @Schema(example = "info") NotificationType notificationType,
        boolean read,
        @Schema(example = "/exports/42", nullable = true) String actionUrl,
        Map<String, Object> metadata,
        @Schema(example = "2024-01-01T00:00:00Z") Instant createdAt,
        @Schema(nullable = true) Instant readAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(notification.id(), notification.title(), notification.message(),
                notification.type(), notification.read(), notification.actionUrl(), notification.metadata(),
                notification.createdAt(), notification.readAt());
    }
}
