import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Load client for the service's {@code /ws} endpoint. It opens one WebSocket per line of a plan
 * file ({@code room_id token}), subscribes each connection to its room, then sends chat messages
 * at a fixed total rate, round robin over the rooms from the first connection of each room, and
 * measures how long each message takes to reach every subscriber of its room, the sender included.
 *
 * <p>Usage: {@code java WsLoad.java WS_URL PLAN_FILE MESSAGES_PER_SECOND SECONDS}. It prints one
 * JSON object: connection and delivery counts, and delivery latency percentiles in milliseconds.
 * Send and receive times come from this process's {@code System.nanoTime}, so no clocks are compared.
 */
public class WsLoad {

    private static final String MARK = "wsload:";
    private static final int HANDSHAKES_IN_FLIGHT = 200;
    private static final int CLIENTS = 4;
    /** Latency histogram: 10 µs buckets up to 20 s; slower deliveries land in the last bucket. */
    private static final long BUCKET_NANOS = 10_000;
    private static final int BUCKETS = 2_000_000;

    private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong errorFrames = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private final AtomicLong failedHandshakes = new AtomicLong();
    private CountDownLatch subscribed;

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java WsLoad.java WS_URL PLAN_FILE MESSAGES_PER_SECOND SECONDS");
            System.exit(2);
        }
        new WsLoad().run(URI.create(args[0]), Path.of(args[1]), Double.parseDouble(args[2]),
                Integer.parseInt(args[3]));
    }

    private void run(URI uri, Path planFile, double messagesPerSecond, int seconds) throws Exception {
        List<String[]> plan = Files.readAllLines(planFile).stream().filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+")).toList();
        subscribed = new CountDownLatch(plan.size());
        ExecutorService callbacks = Executors.newFixedThreadPool(4);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(30)).build());
        }

        long connectStarted = System.nanoTime();
        Map<String, Sender> senders = new LinkedHashMap<>();
        Map<String, Integer> roomSizes = new LinkedHashMap<>();
        List<WebSocket> sockets = connect(uri, plan, clients, senders, roomSizes);
        boolean allSubscribed = subscribed.await(300, TimeUnit.SECONDS);
        double connectSeconds = (System.nanoTime() - connectStarted) / 1e9;
        // Every join announces presence to the room; let that burst drain before measuring.
        Thread.sleep(3000);

        long sent = 0;
        long expected = 0;
        List<String> rooms = new ArrayList<>(senders.keySet());
        long interval = (long) (1e9 / messagesPerSecond);
        long start = System.nanoTime();
        long next = start;
        while (!rooms.isEmpty() && System.nanoTime() - start < seconds * 1_000_000_000L) {
            LockSupport.parkNanos(next - System.nanoTime());
            String room = rooms.get((int) (sent % rooms.size()));
            senders.get(room).send(room, sent);
            expected += roomSizes.get(room);
            sent++;
            next += interval;
        }
        long waitUntil = System.nanoTime() + 15_000_000_000L;
        while (delivered.get() < expected && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }

        System.out.println(summary(plan.size(), sockets.size(), allSubscribed, connectSeconds, sent, expected));
        sockets.forEach(WebSocket::abort);
        callbacks.shutdownNow();
        System.exit(0);
    }

    private List<WebSocket> connect(URI uri, List<String[]> plan, List<HttpClient> clients,
            Map<String, Sender> senders, Map<String, Integer> roomSizes) throws InterruptedException {
        Semaphore inFlight = new Semaphore(HANDSHAKES_IN_FLIGHT);
        List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            String room = plan.get(i)[0];
            String token = plan.get(i)[1];
            inFlight.acquire();
            CompletableFuture<WebSocket> future = clients.get(i % clients.size()).newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(60))
                    .buildAsync(uri, new Client(room)).whenComplete((socket, error) -> {
                        inFlight.release();
                        if (error != null) {
                            failedHandshakes.incrementAndGet();
                            subscribed.countDown();
                        } else {
                            sockets.add(socket);
                        }
                    });
            roomSizes.merge(room, 1, Integer::sum);
            if (!senders.containsKey(room)) {
                senders.put(room, new Sender(future));
            }
            opening.add(future);
        }
        for (CompletableFuture<WebSocket> future : opening) {
            future.exceptionally(error -> null).join();
        }
        return sockets;
    }

    private String summary(int planned, int opened, boolean allSubscribed, double connectSeconds, long sent,
            long expected) {
        return String.format(java.util.Locale.ROOT,
                "{\"connections\": %d, \"opened\": %d, \"failed_handshakes\": %d, \"all_subscribed\": %b, "
                        + "\"connect_seconds\": %.1f, \"messages_sent\": %d, \"deliveries_expected\": %d, "
                        + "\"deliveries\": %d, \"error_frames\": %d, \"closed_by_server\": %d, \"p50_ms\": %.2f, "
                        + "\"p99_ms\": %.2f, \"max_ms\": %.2f}",
                planned, opened, failedHandshakes.get(), allSubscribed, connectSeconds, sent, expected,
                delivered.get(), errorFrames.get(), closedByServer.get(), percentile(0.50), percentile(0.99),
                percentile(1.0));
    }

    private double percentile(double fraction) {
        long total = delivered.get();
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += histogram.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return BUCKETS * BUCKET_NANOS / 1e6;
    }

    private void record(String frame) {
        int mark = frame.indexOf(MARK);
        if (mark < 0) {
            return;
        }
        int from = frame.indexOf(':', mark + MARK.length()) + 1;
        int to = from;
        while (to < frame.length() && Character.isDigit(frame.charAt(to))) {
            to++;
        }
        long latency = System.nanoTime() - Long.parseLong(frame, from, to, 10);
        histogram.incrementAndGet((int) Math.min(BUCKETS - 1, latency / BUCKET_NANOS));
        delivered.incrementAndGet();
    }

    /** Sends the messages of one room, each after the previous one, as the WebSocket API requires. */
    private static final class Sender {
        private CompletableFuture<WebSocket> last;

        Sender(CompletableFuture<WebSocket> opened) {
            this.last = opened;
        }

        synchronized void send(String room, long sequence) {
            last = last.thenCompose(socket -> {
                String frame = "{\"type\": \"send\", \"room_id\": \"" + room + "\", \"message\": \"" + MARK
                        + sequence + ":" + System.nanoTime() + "\"}";
                return socket.sendText(frame, true);
            });
        }
    }

    /** One connection: subscribes once greeted, then counts chat messages and errors. */
    private final class Client implements WebSocket.Listener {
        private final String room;
        private final StringBuilder partial = new StringBuilder();
        private boolean counted;

        Client(String room) {
            this.room = room;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                handle(socket, frame);
            }
            socket.request(1);
            return null;
        }

        private void handle(WebSocket socket, String frame) {
            if (frame.contains("\"type\":\"chat.message\"")) {
                record(frame);
            } else if (frame.contains("\"type\":\"ready\"")) {
                socket.sendText("{\"type\": \"subscribe\", \"room_id\": \"" + room + "\"}", true);
            } else if (frame.contains("\"type\":\"subscribed\"") && !counted) {
                counted = true;
                subscribed.countDown();
            } else if (frame.contains("\"type\":\"error\"")) {
                errorFrames.incrementAndGet();
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closedByServer.incrementAndGet();
            if (!counted) {
                counted = true;
                subscribed.countDown();
            }
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closedByServer.incrementAndGet();
            if (!counted) {
                counted = true;
                subscribed.countDown();
            }
        }
    }
}
