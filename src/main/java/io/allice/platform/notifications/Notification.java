package io.allice.platform.notifications;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A notification to one user. Once read, {@code readAt} keeps the time it was first read. */
@Entity
@Table(name = "notifications")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, columnDefinition = "text")
    private String message;

    @Column(name = "notification_type", nullable = false, length = 20)
    private String notificationType;

    @Column(name = "is_read", nullable = false)
    private boolean read;

    @Column(name = "action_url", length = 2000)
    private String actionUrl;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;

    @Column(name = "email_status", nullable = false, length = 20)
    private String emailStatus;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(long userId, String title, String message, NotificationType type, String actionUrl,
            Map<String, Object> metadata, boolean emailed, Instant now) {
        this.userId = userId;
        this.title = title;
        this.message = message;
        this.notificationType = type.wireName();
        this.actionUrl = actionUrl;
        this.metadata = metadata;
        this.emailStatus = emailed ? EmailStatus.PENDING : EmailStatus.NONE;
        this.createdAt = now;
    }

    /** Whether, and how far, the notification was e-mailed. */
    static final class EmailStatus {
        static final String NONE = "none";
        static final String PENDING = "pending";
        static final String SENT = "sent";
        static final String FAILED = "failed";

        private EmailStatus() {
        }
    }

    /** Marks it read; a second call keeps the first time. */
    void markRead(Instant now) {
        if (!read) {
            read = true;
            readAt = now;
        }
    }

    void emailSent() {
        emailStatus = EmailStatus.SENT;
    }

    void emailFailed() {
        emailStatus = EmailStatus.FAILED;
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String title() {
        return title;
    }

    String message() {
        return message;
    }

    NotificationType type() {
        return NotificationType.parse(notificationType).orElse(NotificationType.INFO);
    }

    boolean read() {
        return read;
    }

    String actionUrl() {
        return actionUrl;
    }

    Map<String, Object> metadata() {
        return metadata;
    }

    String emailStatus() {
        return emailStatus;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant readAt() {
        return readAt;
    }
}
