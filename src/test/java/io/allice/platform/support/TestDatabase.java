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
    /**
     * The name starts with this JVM's process id, because test runs of other checkouts on the same
     * server may drop {@code allice_test_*} schemas whose owning process is no longer alive.
     */
    private static final String SCHEMA = "allice_test_" + ProcessHandle.current().pid() + "_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final java.util.Set<String> CREATED = new java.util.HashSet<>();

    private TestDatabase() {
    }

    /** The JDBC URL of this JVM's schema, creating the schema on first call. */
    public static String jdbcUrl() {
        return jdbcUrl(SCHEMA);
    }

    /**
     * The JDBC URL of a second schema of this JVM, for a context that must not share its tables
     * (and background jobs) with the others, such as one with another storage backend.
     */
    public static String jdbcUrlOfSeparateSchema(String suffix) {
        return jdbcUrl(SCHEMA + "_" + suffix);
    }

    private static synchronized String jdbcUrl(String schema) {
        if (CREATED.add(schema)) {
            execute("create schema " + schema);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop schema if exists " + schema + " cascade")));
        }
        return SERVER_URL + (SERVER_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user=" + USER;
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
