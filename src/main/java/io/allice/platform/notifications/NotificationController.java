package io.allice.platform.notifications;

import java.net.URI;
import java.util.List;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/notify", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications")
class NotificationController {

    static final int MAX_PAGE_SIZE = 200;

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a notification to yourself, or as an admin to any user")
    ResponseEntity<NotificationView> send(@AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(description = "Recipient; only an admin may name another user")
            @RequestParam(name = "user_id", required = false) Long userId,
            @Valid @RequestBody SendNotification request) {
        if (userId != null && request.userId() != null && !userId.equals(request.userId())) {
            throw ApiException.invalidField("user_id", "the query parameter and the body name different users");
        }
        NotificationView sent = notifications.send(user, userId != null ? userId : request.userId(), request);
        return ResponseEntity.created(URI.create("/api/notify/" + sent.id())).body(sent);
    }

    @GetMapping("/history")
    @Operation(summary = "The caller's notifications, newest first")
    List<NotificationView> history(@AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(name = "unread_only", defaultValue = "false") boolean unreadOnly,
            @RequestParam(name = "skip", defaultValue = "0") int skip,
            @Parameter(schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50"))
            @RequestParam(name = "limit", defaultValue = "50") int limit) {
        return notifications.history(user.id(), unreadOnly, Paging.of(skip, limit, MAX_PAGE_SIZE));
    }

    @PostMapping("/{notification_id}/read")
    @Operation(summary = "Mark one notification read; read_at keeps its first value")
    NotificationView markRead(@AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("notification_id") long notificationId) {
        return notifications.markRead(user.id(), notificationId);
    }

    /** How many notifications one call marked read. */
    record Marked(int marked) {
    }

    @PostMapping("/mark-all-read")
    @Operation(summary = "Mark all of the caller's notifications read")
    Marked markAllRead(@AuthenticationPrincipal AuthenticatedUser user) {
        return new Marked(notifications.markAllRead(user.id()));
    }

    /** The number of unread notifications. */
    record UnreadCount(long unreadCount) {
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of the caller's notifications are unread")
    UnreadCount unreadCount(@AuthenticationPrincipal AuthenticatedUser user) {
        return new UnreadCount(notifications.unreadCount(user.id()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{notification_id}")
    @Operation(summary = "Delete one of the caller's notifications")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser user,
            @PathVariable("notification_id") long notificationId) {
        notifications.delete(user.id(), notificationId);
        return ResponseEntity.noContent().build();
    }
}
