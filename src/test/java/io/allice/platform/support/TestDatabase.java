package io.allice.platform.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL schema of its own for this test JVM in the local {@code test} database, created
 * empty at first use and dropped at exit, so runs never see each other's tables or migrations.
 * Host, port and database come from {@code ALLICE_TEST_PG_URL} when set.
 */
public final class TestDatabase {

    private static final String SERVER_URL = System.getenv().getOrDefault("ALLICE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("ALLICE_TEST_PG_USER", "postgres");
    private static final String SCHEMA = "allice_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static boolean created;

    private TestDatabase() {
    }

    /** The JDBC URL of this JVM's schema, creating the schema on first call. */
    public static synchronized String jdbcUrl() {
        if (!created) {
            execute("create schema " + SCHEMA);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop schema if exists " + SCHEMA + " cascade")));
            created = true;
        }
        return SERVER_URL + (SERVER_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + "&user=" + USER;
    }

    public static String schema() {
        return SCHEMA;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER_URL + " is needed for the tests: " + e.getMessage(), e);
        }
    }
}
