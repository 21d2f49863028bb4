package io.allice.platform.notifications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.allice.platform.auth.UserDirectory;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;
import io.allice.platform.shared.json.UnstorableCharacters;
import io.allice.platform.shared.persistence.OffsetPageRequest;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.web.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores notifications, answers a user's questions about theirs, and hands new ones to delivery. */
@Service
class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final NotificationRepository notifications;
    private final UserDirectory users;
    private final NotificationEmails emails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, UserDirectory users, NotificationEmails emails,
            ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.users = users;
        this.emails = emails;
        this.events = events;
        this.clock = clock;
    }

    /** Sends a notification through the API: to the caller, or as an admin to any user. */
    @Transactional
    NotificationView send(AuthenticatedUser caller, Long targetUserId, SendNotification request) {
        long recipient = targetUserId == null ? caller.id() : targetUserId;
        if (recipient != caller.id() && !caller.isAdmin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Only an administrator may notify another user");
        }
        if (recipient != caller.id() && users.findContact(recipient).isEmpty()) {
            throw ApiException.notFound("User " + recipient + " not found");
        }
        String type = request.notificationType() == null ? NotificationType.INFO.wireName() : request.notificationType();
        return create(new NotificationRequested(recipient, request.title(), request.message(), type,
                request.actionUrl(), request.metadata(), Boolean.TRUE.equals(request.email())));
    }

    /** Stores a notification another area asked for, in the transaction it was published in. */
    @EventListener
    @Transactional
    void on(NotificationRequested request) {
        create(request);
    }

    private NotificationView create(NotificationRequested request) {
        NotificationType type = validate(request);
        boolean emailed = emails.enabled() && (type.alwaysEmailed() || request.email());
        Notification notification = notifications.save(new Notification(request.userId(), request.title(),
                request.message(), type, request.actionUrl(), request.metadata(), emailed, clock.instant()));
        if (emailed) {
            emails.schedule(notification.id());
        }
        NotificationView view = NotificationView.of(notification);
        events.publishEvent(new NotificationStored(request.userId(), view));
        log.info("Stored {} notification {} for user {}{}", type.wireName(), notification.id(), request.userId(),
                emailed ? ", e-mail scheduled" : "");
        return view;
    }

    @Transactional(readOnly = true)
    List<NotificationView> history(long userId, boolean unreadOnly, Paging paging) {
        OffsetPageRequest page = OffsetPageRequest.of(paging.skip(), paging.limit(), NEWEST_FIRST);
        List<Notification> found = unreadOnly
                ? notifications.findByUserIdAndReadFalse(userId, page)
                : notifications.findByUserId(userId, page);
        return found.stream().map(NotificationView::of).toList();
    }

    @Transactional
    NotificationView markRead(long userId, long notificationId) {
        Notification notification = owned(userId, notificationId);
        notification.markRead(clock.instant());
        return NotificationView.of(notification);
    }

    @Transactional
    int markAllRead(long userId) {
        int marked = notifications.markAllRead(userId, clock.instant());
        log.info("User {} marked {} notifications read", userId, marked);
        return marked;
    }

    @Transactional(readOnly = true)
    long unreadCount(long userId) {
        return notifications.countByUserIdAndReadFalse(userId);
    }

    @Transactional
    void delete(long userId, long notificationId) {
        notifications.delete(owned(userId, notificationId));
        log.info("User {} deleted notification {}", userId, notificationId);
    }

    private Notification owned(long userId, long notificationId) {
        return notifications.findByIdAndUserId(notificationId, userId)
                .orElseThrow(() -> ApiException.notFound("Notification " + notificationId + " not found"));
    }

    /** Applies the API's rules to every notification, whichever area asked for it. */
    private static NotificationType validate(NotificationRequested request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.title() == null || request.title().isBlank() || request.title().length() > 200) {
            violations.add(new FieldViolation("title", "must be 1 to 200 characters"));
        }
        if (request.message() == null || request.message().length() > 5000) {
            violations.add(new FieldViolation("message", "must be at most 5000 characters"));
        }
        NotificationType type = NotificationType.parse(request.type()).orElse(null);
        if (type == null) {
            violations.add(new FieldViolation("notification_type", "must be " + NotificationType.ALLOWED));
        }
        if (request.actionUrl() != null && !ActionUrls.isAllowed(request.actionUrl())) {
            violations.add(new FieldViolation("action_url", "must be an absolute http(s) URL or a path starting with /"));
        }
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("title", request.title());
        text.put("message", request.message());
        text.put("action_url", request.actionUrl());
        text.put("metadata", request.metadata());
        violations.addAll(UnstorableCharacters.violations(text));
        if (!violations.isEmpty()) {
            throw ApiException.invalidFields(violations);
        }
        return type;
    }
}
