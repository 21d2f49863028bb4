package io.allice.platform.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.allice.platform.AlliceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service in this JVM that share the test database and the local Redis,
 * as a deployment behind a load balancer would. Each listens on its own random port.
 */
public final class TwoInstances implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    /**
     * Starts both instances. {@code properties} (names without {@code --}) override the defaults,
     * which set rate limits too high to reach and give this pair its own rate-limit keys in Redis.
     */
    public TwoInstances(Map<String, String> properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("allice.rate-limit.redis-key-prefix", "allice:test:" + UUID.randomUUID() + ":");
        for (String limit : List.of("free", "pro", "ai-free", "ai-pro", "anonymous")) {
            settings.put("allice.rate-limit." + limit + "-per-minute", "100000");
        }
        settings.putAll(properties);
        contexts.add(start(settings));
        contexts.add(start(settings));
    }

    public TwoInstances() {
        this(Map.of());
    }

    public int port(int instance) {
        return Integer.parseInt(contexts.get(instance).getEnvironment().getProperty("local.server.port"));
    }

    /** Returns a bean of one instance, for tests that change state the API offers no way to change. */
    public <T> T bean(int instance, Class<T> type) {
        return contexts.get(instance).getBean(type);
    }

    private static ConfigurableApplicationContext start(Map<String, String> settings) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(AlliceApplication.class);
        // Closing an application that set up logging tears logging down for the whole JVM,
        // which would silence the test contexts that keep running, so these leave it alone.
        builder.application().setListeners(builder.application().getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        // Arguments, because they take precedence over application.properties.
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--allice.database-url=" + TestDatabase.jdbcUrl(),
                "--allice.database-pool-size=4",
                "--allice.data-dir=" + TemporaryFolders.create("allice-instance"),
                "--allice.redis-url=redis://127.0.0.1:6379",
                "--allice.jwt.secret-key=" + TestAccounts.JWT_SECRET));
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return builder.run(arguments.toArray(String[]::new));
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
