package io.allice.platform.analytics;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The analytics SQL on the embedded H2 database, migrated by the H2 scripts the service uses by default. */
class AnalyticsQueriesH2Tests extends AnalyticsQueriesContract {

    static JdbcDataSource h2;

    @BeforeAll
    static void migrate() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:analytics_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/h2").load().migrate();
    }

    @Override
    DataSource dataSource() {
        return h2;
    }
}
