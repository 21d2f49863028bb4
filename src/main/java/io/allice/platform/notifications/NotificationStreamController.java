package io.allice.platform.notifications;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.allice.platform.shared.realtime.RealtimeHub;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-Sent Events for clients that cannot use WebSockets: each new notification of the
 * caller arrives as an event named {@code notification} whose data is the notification. A
 * comment line every 20 seconds keeps proxies from closing an idle stream, and the stream ends
 * when its token expires or is signed out.
 */
@RestController
@Tag(name = "Notifications")
class NotificationStreamController {

    private static final Logger log = LoggerFactory.getLogger(NotificationStreamController.class);
    /** Clients reconnect after this, which EventSource does by itself. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final RealtimeHub hub;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    NotificationStreamController(RealtimeHub hub, JsonMapper jsonMapper, Clock clock) {
        this.hub = hub;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    @GetMapping(path = "/api/notify/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "New notifications as Server-Sent Events; the token may also be passed as access_token")
    SseEmitter stream(@AuthenticationPrincipal AuthenticatedUser user, Authentication authentication)
            throws IOException {
        Jwt token = (Jwt) authentication.getCredentials();
        SseEmitter emitter = new SseEmitter(lifetime(token).toMillis());
        AutoCloseable registration = hub.listenToUser(user.id(), frame -> forward(emitter, frame));
        AutoCloseable accessRegistration = hub.onAccessEnded(token.getId(), user.id(), emitter::complete);
        Runnable cleanUp = () -> {
            open.remove(emitter);
            try {
                registration.close();
                accessRegistration.close();
            } catch (Exception e) {
                log.debug("Removing the event stream of user {} failed: {}", user.id(), e.getMessage());
            }
        };
        emitter.onCompletion(cleanUp);
        emitter.onTimeout(cleanUp);
        emitter.onError(error -> cleanUp.run());
        open.add(emitter);
        emitter.send(SseEmitter.event().comment("connected"));
        return emitter;
    }

    /** Returns how long the stream may stay open: until its token expires or {@link #STREAM_LIFETIME}, whichever is first. */
    private Duration lifetime(Jwt token) {
        if (token.getExpiresAt() == null) {
            return STREAM_LIFETIME;
        }
        Duration untilExpiry = Duration.between(clock.instant(), token.getExpiresAt());
        return untilExpiry.compareTo(STREAM_LIFETIME) < 0 ? untilExpiry.plusMillis(1) : STREAM_LIFETIME;
    }

    private void forward(SseEmitter emitter, String frame) {
        JsonNode parsed = jsonMapper.readTree(frame);
        if (!"notification".equals(parsed.path("type").asString())) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().name("notification")
                    .id(parsed.path("data").path("id").asString())
                    .data(jsonMapper.writeValueAsString(parsed.get("data")), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }

    @Scheduled(fixedDelay = 20_000)
    void keepAlive() {
        for (SseEmitter emitter : open) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }
    }
}
