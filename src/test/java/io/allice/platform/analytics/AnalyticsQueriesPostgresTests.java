package io.allice.platform.analytics;

import javax.sql.DataSource;

import io.allice.platform.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The analytics SQL on PostgreSQL, in this test run's schema. */
class AnalyticsQueriesPostgresTests extends AnalyticsQueriesContract {

    static SingleConnectionDataSource postgres;

    @BeforeAll
    static void migrate() {
        postgres = new SingleConnectionDataSource(TestDatabase.jdbcUrl(), true);
        Flyway.configure().dataSource(postgres).locations("classpath:db/migration/postgresql").load().migrate();
    }

    @Override
    DataSource dataSource() {
        return postgres;
    }
}
