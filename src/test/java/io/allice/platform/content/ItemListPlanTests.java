package io.allice.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.allice.platform.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The item list, the busiest query of the service, must reuse PostgreSQL's cached generic plan
 * instead of planning each request again. The check reads the plan counters of the prepared
 * statement on the one connection that ran the list.
 */
class ItemListPlanTests {

    private static SingleConnectionDataSource postgres;
    private static JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        postgres = new SingleConnectionDataSource(TestDatabase.jdbcUrlOfSeparateSchema("item_plans"), true);
        Flyway.configure().dataSource(postgres).locations("classpath:db/migration/postgresql").load().migrate();
        jdbc = JdbcClient.create(postgres);
        long userId = jdbc.sql("insert into users (username, username_key, email, email_key, password_hash, "
                        + "created_at, updated_at) values ('plan', 'plan', 'plan@example.com', 'plan@example.com', "
                        + "'-', now(), now()) returning id")
                .query(Long.class).single();
        jdbc.sql("insert into items (user_id, title, content, item_type, status, metadata, created_at, updated_at) "
                        + "select ?, 'Item ' || n, jsonb_build_object('body', repeat('x', 200), 'n', n), 'post', "
                        + "'draft', '{}', now(), now() from generate_series(1, 200) n")
                .params(userId)
                .update();
        // No ANALYZE, as on a new table before autovacuum's first one. There, a limit and offset
        // passed as parameters made the generic plan look dearer, and PostgreSQL planned every list.
    }

    @AfterAll
    static void close() {
        postgres.destroy();
    }

    @Test
    void listReusesGenericPlan() {
        ItemReads reads = new ItemReads(jdbc);
        long userId = jdbc.sql("select id from users where username = 'plan'").query(Long.class).single();

        for (int i = 0; i < 20; i++) {
            assertThat(reads.page(userId, null, null, 0, 20)).hasSize(20);
        }

        Map<String, Object> plans = jdbc.sql("select generic_plans, custom_plans from pg_prepared_statements "
                        + "where statement like '%from items where user_id%'")
                .query().singleRow();
        // pgjdbc prepares a statement on the server from its fifth use, and PostgreSQL plans the
        // first five executions of a prepared statement for their parameters.
        assertThat(((Number) plans.get("custom_plans")).longValue()).isLessThanOrEqualTo(5);
        assertThat(((Number) plans.get("generic_plans")).longValue()).isGreaterThanOrEqualTo(10);
    }
}
