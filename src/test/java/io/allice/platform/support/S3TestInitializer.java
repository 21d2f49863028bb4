package io.allice.platform.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the context at the local S3Mock server, a data directory of its own and a schema of its
 * own: a context on the shared schema could otherwise run this context's jobs against local storage.
 */
public class S3TestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        S3MockServer s3 = S3MockServer.shared();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("allice-s3-test", Map.of(
                "allice.database-url", TestDatabase.jdbcUrlOfSeparateSchema("s3"),
                "allice.data-dir", PostgresTestInitializer.newDataDir().toString(),
                "allice.storage.backend", "s3",
                "allice.storage.s3.endpoint", s3.endpoint(),
                "allice.storage.s3.region", S3MockServer.REGION,
                "allice.storage.s3.bucket", S3MockServer.BUCKET,
                "allice.storage.s3.access-key", S3MockServer.ACCESS_KEY,
                "allice.storage.s3.secret-key", S3MockServer.SECRET_KEY)));
    }
}
