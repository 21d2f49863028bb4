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
 * Every class with this annotation and no other settings shares one application context.
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
        // Several cached contexts share one PostgreSQL server, whose default limit is 100 connections.
        "allice.database-pool-size=4",
        "allice.database-min-idle=1",
        // The suite sends many requests from 127.0.0.1 within a minute; limiting has tests of its own.
        "allice.rate-limit.free-per-minute=100000",
        "allice.rate-limit.pro-per-minute=100000",
        "allice.rate-limit.ai-free-per-minute=100000",
        "allice.rate-limit.ai-pro-per-minute=100000",
        "allice.rate-limit.anonymous-per-minute=100000",
        // Logging starts before the test data directory exists, so the log goes to a fixed temporary file.
        "logging.file.name=${java.io.tmpdir}/allice-test-logs/allice.log",
        // The console gets warnings only, so the build output stays readable; the file keeps everything.
        "logging.threshold.console=WARN",
})
@ContextConfiguration(initializers = PostgresTestInitializer.class)
public @interface IntegrationTest {
}
