package io.allice.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the context at the test schema and a fresh data directory before it starts. */
public class PostgresTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("allice-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("allice-test", Map.of(
                "allice.database-url", TestDatabase.jdbcUrl(),
                "allice.data-dir", dataDir.toString())));
    }
}
