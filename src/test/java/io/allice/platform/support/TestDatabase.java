package io.allice.platform.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL schema of its own for this test JVM in the local {@code test} database, created
 * empty at first use, so runs never see each other's tables or migrations. The schema name
 * carries the process id: each run drops the schemas of processes that have ended, instead of
 * dropping its own at exit while its application contexts may still be shutting down.
 * Host, port and database come from {@code ALLICE_TEST_PG_URL} when set.
 */
public final class TestDatabase {

    private static final String SERVER_URL = System.getenv().getOrDefault("ALLICE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("ALLICE_TEST_PG_USER", "postgres");
    private static final String PREFIX = "allice_test_";
    private static final Pattern OWNED_SCHEMA = Pattern.compile(PREFIX + "(\\d{1,18})_[0-9a-f]{8}(_[a-z0-9_]+)?");
    private static final String SCHEMA = PREFIX + ProcessHandle.current().pid() + "_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final Set<String> CREATED = new HashSet<>();

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
        if (CREATED.isEmpty()) {
            dropSchemasOfEndedRuns();
        }
        if (CREATED.add(schema)) {
            execute("create schema " + schema);
        }
        return SERVER_URL + (SERVER_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user=" + USER;
    }

    public static String schema() {
        return SCHEMA;
    }

    private static void dropSchemasOfEndedRuns() {
        List<String> stale = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, "");
                Statement statement = connection.createStatement();
                ResultSet schemas = statement.executeQuery(
                        "select nspname from pg_namespace where nspname like '" + PREFIX + "%'")) {
            while (schemas.next()) {
                String name = schemas.getString(1);
                if (!ownerIsAlive(name)) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER_URL + " is needed for the tests: " + e.getMessage(), e);
        }
        stale.forEach(name -> execute("drop schema if exists " + name + " cascade"));
    }

    /** Schemas not named by this scheme belong to something else and count as alive. */
    private static boolean ownerIsAlive(String schema) {
        Matcher name = OWNED_SCHEMA.matcher(schema);
        if (!name.matches()) {
            return true;
        }
        return ProcessHandle.of(Long.parseLong(name.group(1))).map(ProcessHandle::isAlive).orElse(false);
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
