package io.allice.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.allice.platform.support.TemporaryFolders;
import io.allice.platform.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The migration that creates {@code search_documents} copies the records that existed before it. */
class SearchDocumentsMigrationTests {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void copiesExistingRecords(String vendor) throws IOException {
        Path h2File = TemporaryFolders.create("allice-search-backfill").resolve("allice");
        DriverManagerDataSource dataSource = vendor.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:file:" + h2File, "sa", "")
                : new DriverManagerDataSource(TestDatabase.jdbcUrlOfSeparateSchema("search_backfill"));
        Flyway before = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor)
                .target("10").cleanDisabled(false).load();
        before.clean();
        before.migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into users (username, username_key, email, email_key, password_hash, role, created_at,
                        updated_at) values ('old', 'old', 'old@example.test', 'old@example.test', 'x', 'user', ?, ?)
                        """).params(now, now).update();
        long userId = jdbc.sql("select id from users where username = 'old'").query(Long.class).single();
        jdbc.sql("""
                        insert into items (user_id, title, description, item_type, status, created_at, updated_at)
                        values (?, 'Old Harbour Map', 'Drawn in 1850', 'post', 'draft', ?, ?)
                        """).params(userId, now, now).update();
        String tags = vendor.equals("h2") ? "'[\"sailing\",\"coast\"]' format json" : "'[\"sailing\",\"coast\"]'::jsonb";
        jdbc.sql("""
                        insert into files (user_id, filename, original_filename, file_size, mime_type, description,
                        tags, created_at, updated_at)
                        values (?, 'f1.txt', 'tide_tables-2024.txt', 1, 'text/plain', null, %s, ?, ?)
                        """.formatted(tags)).params(userId, now, now).update();
        jdbc.sql("""
                        insert into media (user_id, filename, original_filename, file_size, mime_type, media_type,
                        transcoded, created_at) values (?, 'm1.png', 'Lighthouse.PNG', 1, 'image/png', 'image', false, ?)
                        """).params(userId, now).update();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor).load().migrate();

        List<Map<String, Object>> documents = jdbc.sql("""
                        select resource_type, title, body, title_terms, description_terms, body_terms
                        from search_documents order by resource_type
                        """).query().listOfRows();
        assertThat(documents).hasSize(3);
        assertThat(documents.get(0)).containsEntry("resource_type", "file")
                .containsEntry("title_terms", "tide tables 2024 txt")
                .containsEntry("body", vendor.equals("h2") ? "sailing,coast" : "sailing, coast")
                .containsEntry("body_terms", "sailing coast");
        assertThat(documents.get(1)).containsEntry("resource_type", "item")
                .containsEntry("title", "Old Harbour Map")
                .containsEntry("title_terms", "old harbour map")
                .containsEntry("description_terms", "drawn in 1850");
        assertThat(documents.get(2)).containsEntry("resource_type", "media")
                .containsEntry("title_terms", "lighthouse png");
    }
}
