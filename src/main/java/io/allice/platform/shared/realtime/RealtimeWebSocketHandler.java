package io.allice.platform.shared.realtime;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.allice.platform.shared.security.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /ws} endpoint: greets each authenticated client, replies to {@code ping}, hands
 * every other frame type to the area that handles it, and forwards the user's and the
 * subscribed topics' events. A client too slow to take its frames is disconnected instead of
 * letting its backlog grow, and a connection closes when its token expires or is signed out.
 *
 * <p>Sending a frame only queues it on the connection. A virtual thread per connection with
 * queued frames writes them in order, so the thread that publishes (a chat message fanned out
 * to a room while its row lock is held, for example) never waits on a client's socket.
 */
@Component
class RealtimeWebSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(RealtimeWebSocketHandler.class);
    /** A client whose current write has taken longer than this is disconnected when the next frame is queued. */
    private static final long SEND_TIME_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** A client with more than this many characters of frames waiting is disconnected. */
    private static final long SEND_BUFFER_LIMIT_CHARS = 512 * 1024;

    /** Sent when the token the connection was opened with expires or is signed out. */
    static final CloseStatus ACCESS_ENDED = new CloseStatus(4401, "The access token expired or was revoked");

    private final RealtimeHub hub;
    private final List<RealtimeFrameHandler> frameHandlers;
    private final JsonMapper jsonMapper;
    private final TaskScheduler scheduler;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Executor writers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ws-writer-", 0).factory());

    RealtimeWebSocketHandler(RealtimeHub hub, List<RealtimeFrameHandler> frameHandlers, JsonMapper jsonMapper,
            TaskScheduler scheduler) {
        this.hub = hub;
        this.scheduler = scheduler;
        this.frameHandlers = frameHandlers;
        this.jsonMapper = jsonMapper;
        hub.onRevoke(this::revoke);
    }

    private void revoke(long userId, String topic, String frame) {
        for (Connection connection : connections.values()) {
            if (connection.userId() == userId && connection.topics().contains(topic)) {
                connection.unsubscribe(topic);
                connection.sendRaw(frame);
            }
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        AuthenticatedUser user = userOf(session);
        if (user == null) {
            closeQuietly(session, CloseStatus.POLICY_VIOLATION);
            return;
        }
        Connection connection = new Connection(session, user);
        connections.put(session.getId(), connection);
        connection.userRegistration = hub.listenToUser(user.id(), connection::sendRaw);
        Jwt token = tokenOf(session);
        if (token != null) {
            connection.accessRegistration = hub.onAccessEnded(token.getId(), user.id(),
                    () -> closeQuietly(session, ACCESS_ENDED));
            if (token.getExpiresAt() != null) {
                connection.expiry = scheduler.schedule(() -> closeQuietly(session, ACCESS_ENDED), token.getExpiresAt());
            }
        }
        connection.send(Map.of("type", "ready", "user_id", user.id()));
        log.debug("User {} connected over WebSocket {}", user.id(), session.getId());
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Connection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        JsonNode frame;
        try {
            frame = jsonMapper.readTree(message.getPayload());
        } catch (JacksonException e) {
            connection.send(error("The frame is not valid JSON"));
            return;
        }
        String type = frame.isObject() && frame.path("type").isString() ? frame.get("type").asString() : null;
        if (type == null) {
            connection.send(error("A frame must be a JSON object with a string 'type'"));
            return;
        }
        if (type.equals("ping")) {
            connection.send(Map.of("type", "pong"));
            return;
        }
        RealtimeFrameHandler handler = frameHandlers.stream().filter(candidate -> candidate.supports(type))
                .findFirst().orElse(null);
        if (handler == null) {
            connection.send(error("Unknown frame type '" + type + "'"));
            return;
        }
        try {
            handler.handle(connection, frame);
        } catch (RealtimeFrameRejectedException rejected) {
            connection.send(error(rejected.getMessage()));
        } catch (RuntimeException e) {
            log.error("Handling a '{}' frame from user {} failed", type, connection.userId(), e);
            connection.send(error("The frame could not be handled"));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = connections.remove(session.getId());
        if (connection == null) {
            return;
        }
        Set<String> topics = Set.copyOf(connection.topics());
        connection.closeRegistrations();
        for (RealtimeFrameHandler handler : frameHandlers) {
            try {
                handler.connectionClosed(connection, topics);
            } catch (RuntimeException e) {
                log.warn("Clean-up after WebSocket {} of user {} failed", session.getId(), connection.userId(), e);
            }
        }
        log.debug("User {} disconnected WebSocket {} ({})", connection.userId(), session.getId(), status);
    }

    private static Map<String, Object> error(String detail) {
        return Map.of("type", "error", "detail", detail);
    }

    private static Jwt tokenOf(WebSocketSession session) {
        return session.getPrincipal() instanceof Authentication authentication
                && authentication.getCredentials() instanceof Jwt token ? token : null;
    }

    private static AuthenticatedUser userOf(WebSocketSession session) {
        return session.getPrincipal() instanceof Authentication authentication
                && authentication.getPrincipal() instanceof AuthenticatedUser user ? user : null;
    }

    private static void closeQuietly(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("Closing WebSocket {} failed: {}", session.getId(), e.getMessage());
        }
    }

    private final class Connection implements RealtimeConnection {

        private final WebSocketSession session;
        private final AuthenticatedUser user;
        private final Map<String, AutoCloseable> topicRegistrations = new ConcurrentHashMap<>();
        private final Queue<String> outbound = new ConcurrentLinkedQueue<>();
        private final AtomicLong queuedChars = new AtomicLong();
        private final AtomicBoolean writing = new AtomicBoolean();
        private final AtomicBoolean overflowed = new AtomicBoolean();
        /** When the frame being written started, from {@link System#nanoTime()}; 0 while no write runs. */
        private volatile long writeStartedNanos;
        private volatile AutoCloseable userRegistration;
        private volatile AutoCloseable accessRegistration;
        private volatile ScheduledFuture<?> expiry;

        Connection(WebSocketSession session, AuthenticatedUser user) {
            this.session = session;
            this.user = user;
        }

        @Override
        public String id() {
            return session.getId();
        }

        @Override
        public long userId() {
            return user.id();
        }

        @Override
        public String username() {
            return user.username();
        }

        @Override
        public void send(Object frame) {
            sendRaw(jsonMapper.writeValueAsString(frame));
        }

        /** Queues a frame, already serialized, and starts a writer unless one is running. */
        void sendRaw(String json) {
            if (overflowed.get() || !session.isOpen()) {
                return;
            }
            long queued = queuedChars.addAndGet(json.length());
            long writingSince = writeStartedNanos;
            if (queued > SEND_BUFFER_LIMIT_CHARS
                    || (writingSince != 0 && System.nanoTime() - writingSince > SEND_TIME_LIMIT_NANOS)) {
                closeSlowClient(queued);
                return;
            }
            outbound.add(json);
            if (writing.compareAndSet(false, true)) {
                writers.execute(this::writeQueued);
            }
        }

        /**
         * Closes the connection once, on a writer thread, because closing sends a close frame
         * that would wait behind the write that is stuck.
         */
        private void closeSlowClient(long queued) {
            if (!overflowed.compareAndSet(false, true)) {
                return;
            }
            log.info("Closing WebSocket {} of user {}: the client is not reading ({} characters queued)",
                    session.getId(), user.id(), queued);
            outbound.clear();
            writers.execute(() -> closeQuietly(session, CloseStatus.SESSION_NOT_RELIABLE));
        }

        /**
         * Writes queued frames until none is left. The second check after clearing the flag
         * catches a frame queued between the last poll and the clearing, whose sender saw the
         * flag still set and so started no writer.
         */
        private void writeQueued() {
            do {
                String json;
                while ((json = outbound.poll()) != null) {
                    queuedChars.addAndGet(-json.length());
                    write(json);
                }
                writing.set(false);
            } while (!outbound.isEmpty() && writing.compareAndSet(false, true));
        }

        private void write(String json) {
            if (!session.isOpen()) {
                return;
            }
            writeStartedNanos = System.nanoTime();
            try {
                session.sendMessage(new TextMessage(json));
            } catch (IOException | RuntimeException e) {
                log.info("Closing WebSocket {} of user {}: sending failed ({})", session.getId(), user.id(), e.getMessage());
                closeQuietly(session, CloseStatus.SESSION_NOT_RELIABLE);
            } finally {
                writeStartedNanos = 0;
            }
        }

        @Override
        public void subscribe(String topic) {
            topicRegistrations.computeIfAbsent(topic, name -> hub.listenToTopic(name, this::sendRaw));
        }

        @Override
        public void unsubscribe(String topic) {
            AutoCloseable registration = topicRegistrations.remove(topic);
            closeRegistration(registration);
        }

        @Override
        public Set<String> topics() {
            return topicRegistrations.keySet();
        }

        void closeRegistrations() {
            topicRegistrations.values().forEach(this::closeRegistration);
            topicRegistrations.clear();
            closeRegistration(userRegistration);
            closeRegistration(accessRegistration);
            if (expiry != null) {
                expiry.cancel(false);
            }
        }

        private void closeRegistration(AutoCloseable registration) {
            if (registration == null) {
                return;
            }
            try {
                registration.close();
            } catch (Exception e) {
                log.debug("Removing a receiver failed: {}", e.getMessage());
            }
        }
    }
}
