package io.allice.platform.support;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the context at the test schema and this JVM's data directory before it starts. Every
 * context on the schema shares the directory, because any of their job schedulers may run a
 * job that another context scheduled, and such a job reads the blobs that context stored.
 */
public class PostgresTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static Path sharedDataDir;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dataDir = sharedDataDir();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("allice-test", Map.of(
                "allice.database-url", TestDatabase.jdbcUrl(),
                "allice.data-dir", dataDir.toString())));
    }

    private static synchronized Path sharedDataDir() {
        if (sharedDataDir == null) {
            sharedDataDir = newDataDir();
        }
        return sharedDataDir;
    }

    /** Creates a fresh, empty data directory. */
    public static Path newDataDir() {
        return TemporaryFolders.create("allice-test-data");
    }
}
