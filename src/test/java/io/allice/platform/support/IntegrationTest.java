package io.allice.platform.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole service on a random port, backed by this JVM's PostgreSQL schema.
 * Every class with this annotation and no other settings shares one application context. The
 * defaults every test context gets (rate limits, pool size, console level) are in
 * {@code src/test/resources/config/application.properties}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "allice.admin.username=" + TestAccounts.ADMIN_USERNAME,
        "allice.admin.email=admin@allice.test",
        "allice.admin.password=" + TestAccounts.ADMIN_PASSWORD,
        "allice.cors-allowed-origins=https://app.example.test",
        "allice.jwt.secret-key=" + TestAccounts.JWT_SECRET,
        // Logging starts before the test data directory exists, so the log goes to a fixed temporary file.
        "logging.file.name=${java.io.tmpdir}/allice-test-logs/allice.log",
})
@ContextConfiguration(initializers = PostgresTestInitializer.class)
public @interface IntegrationTest {
}
