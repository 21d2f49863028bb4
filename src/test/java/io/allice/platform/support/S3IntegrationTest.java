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
 * Like {@link IntegrationTest}, but blobs go to the local S3Mock server through the S3 adapter.
 * Every class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "allice.admin.username=" + TestAccounts.ADMIN_USERNAME,
        "allice.admin.email=admin@allice.test",
        "allice.admin.password=" + TestAccounts.ADMIN_PASSWORD,
        "allice.jwt.secret-key=" + TestAccounts.JWT_SECRET,
        // Several cached contexts share one PostgreSQL server, whose default limit is 100 connections.
        "allice.database-pool-size=4",
        // The S3 file and media tests together register more accounts within a minute than the
        // default anonymous limit allows; limiting has tests of its own.
        "allice.rate-limit.anonymous-per-minute=100000",
        "allice.rate-limit.free-per-minute=100000",
})
@ContextConfiguration(initializers = S3TestInitializer.class)
public @interface S3IntegrationTest {
}
