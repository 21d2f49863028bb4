package io.allice.platform.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.allice.platform.shared.cache.LocalCacheInvalidations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The cache of blob records on a real database (in-memory H2), and when a delete empties it. */
class BlobRecordReadsTests {

    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private BlobRecordReads reads;

    @BeforeEach
    void createTable() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:blob-records-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table uploads (id bigint primary key, user_id bigint not null, filename varchar(80) not null, "
                + "file_size bigint not null, mime_type varchar(80) not null, original_filename varchar(80) not null, "
                + "created_at timestamp with time zone not null)");
        jdbc.update("insert into uploads values (1, 7, 'stored-name.txt', 10, 'text/plain', 'notes.txt', "
                + "timestamp with time zone '2026-12-05 10:00:00+00')");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        reads = new BlobRecordReads(JdbcClient.create(dataSource), "uploads", name -> "uploads/" + name,
                new LocalCacheInvalidations()) {
        };
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("shutdown");
    }

    @Test
    void foundRecordIsCached() {
        assertThat(reads.find(1, false)).isPresent();

        jdbc.update("delete from uploads where id = 1");

        assertThat(reads.find(1, false)).get().extracting(found -> found.blob().key()).isEqualTo("uploads/stored-name.txt");
        assertThat(reads.find(1, true)).get().extracting(found -> found.blob().contentDisposition())
                .asString().startsWith("inline");
    }

    @Test
    void missingRecordIsNotCached() {
        assertThat(reads.find(2, false)).isEmpty();

        jdbc.update("insert into uploads values (2, 7, 'later.txt', 3, 'text/plain', 'later.txt', "
                + "timestamp with time zone '2026-12-05 11:00:00+00')");

        assertThat(reads.find(2, false)).get().extracting(found -> found.ownerId()).isEqualTo(7L);
    }

    @Test
    void forgetDropsRecord() {
        reads.find(1, false);
        jdbc.update("delete from uploads where id = 1");

        reads.forget(1);

        assertThat(reads.find(1, false)).isEmpty();
    }

    @Test
    void forgetWaitsForCommit() {
        reads.find(1, false);

        transactions.executeWithoutResult(status -> {
            jdbc.update("delete from uploads where id = 1");
            reads.forgetAfterCommit(List.of(1L));
            assertThat(reads.find(1, false)).as("still cached before the commit").isPresent();
        });

        assertThat(reads.find(1, false)).isEmpty();
    }

    @Test
    void rollbackKeepsRecord() {
        reads.find(1, false);

        transactions.executeWithoutResult(status -> {
            jdbc.update("delete from uploads where id = 1");
            reads.forgetAfterCommit(List.of(1L));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("select count(*) from uploads", Integer.class)).isEqualTo(1);
        assertThat(reads.find(1, false)).isPresent();
    }
}
