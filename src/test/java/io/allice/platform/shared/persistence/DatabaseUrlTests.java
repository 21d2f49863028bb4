package io.allice.platform.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTests {

    @Test
    void movesCredentialsOutOfPostgresqlUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://user:pass@host:5432/db");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db");
        assertThat(url.username()).isEqualTo("user");
        assertThat(url.password()).isEqualTo("pass");
    }

    @Test
    void acceptsPostgresScheme() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://user:pass@host:5432/db");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db");
        assertThat(url.username()).isEqualTo("user");
        assertThat(url.password()).isEqualTo("pass");
    }

    @Test
    void decodesPercentEncodedCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app%20user:p%40ss%3Aword@host:5432/db");

        assertThat(url.username()).isEqualTo("app user");
        assertThat(url.password()).isEqualTo("p@ss:word");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db");
    }

    @Test
    void keepsPlusSignInPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://user:a+b@host/db");

        assertThat(url.password()).isEqualTo("a+b");
    }

    @Test
    void keepsQueryString() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://user:pass@host:5432/db?sslmode=require&connectTimeout=5");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db?sslmode=require&connectTimeout=5");
    }

    @Test
    void acceptsUrlWithoutPort() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://user:pass@db.internal/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal/app");
        assertThat(url.username()).isEqualTo("user");
    }

    @Test
    void acceptsIpv6Host() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://user:pass@[::1]:5432/db");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
    }

    @Test
    void acceptsUrlWithoutCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost:5432/db");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/db");
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void acceptsUserWithoutPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://reader@localhost/db");

        assertThat(url.username()).isEqualTo("reader");
        assertThat(url.password()).isNull();
    }

    @Test
    void passesJdbcUrlThrough() {
        String jdbc = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=app&user=postgres";

        DatabaseUrl url = DatabaseUrl.parse(jdbc);

        assertThat(url.jdbcUrl()).isEqualTo(jdbc);
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void trimsSurroundingWhitespace() {
        DatabaseUrl url = DatabaseUrl.parse("  postgresql://user:pass@host/db\n");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host/db");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mysql://user:s3cret-value@host:3306/db",
            "postgresql:///db",
            "postgresql://user:s3cret-value@host:5432",
            "postgresql://user:s3cret-value@host:5432/",
            "postgresql://user:s3cret-value@host:port/db",
            "garbage",
            "not a url at all",
            ""})
    void rejectsInvalidUrlWithClearMessage(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse(value))
                .withMessageStartingWith("DATABASE_URL ")
                .withMessageNotContaining("s3cret-value")
                .withMessageNotContaining("null");
    }

    @Test
    void namesAcceptedFormsForUnknownScheme() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse("mysql://user:pass@host/db"))
                .withMessageContaining("postgresql://")
                .withMessageContaining("jdbc:")
                .withMessageContaining("mysql");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://user:s3cret-value@host:5432/db",
            "postgres://user:p%40s3cret-value@host/db",
            "jdbc:postgresql://host:5432/db?user=app&password=s3cret-value",
            "jdbc:postgresql://host:5432/db?password=s3cret-value&user=app",
            "jdbc:sqlserver://host;user=app;Password=s3cret-value;databaseName=db",
            "jdbc:mysql://app:s3cret-value@host:3306/db"})
    void toStringHidesPassword(String value) {
        DatabaseUrl url = DatabaseUrl.parse(value);

        assertThat(url.toString()).doesNotContain("s3cret-value");
    }

    @Test
    void redactedJdbcUrlKeepsEverythingButPassword() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://host:5432/db?user=app&password=s3cret&sslmode=require");

        assertThat(url.redactedJdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db?user=app&password=***&sslmode=require");
        assertThat(url.jdbcUrl()).contains("password=s3cret&");
    }

    @Test
    void toStringShowsUrlAndUser() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://user:pass@host:5432/db");

        assertThat(url.toString()).contains("jdbc:postgresql://host:5432/db").contains("user");
    }

    @Test
    void embeddedUsesH2FileUnderDataDirectory() {
        Path dataDir = Path.of("/var/lib/allice");

        DatabaseUrl url = DatabaseUrl.embedded(dataDir);

        assertThat(url.jdbcUrl()).startsWith("jdbc:h2:file:" + dataDir.resolve("db").resolve("allice"));
        assertThat(url.username()).isEqualTo("sa");
    }
}
