package io.allice.platform.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pool in front of an in-memory H2 database, with one or two connections to make threads wait. */
class FirstComeDataSourceTests {

    private FirstComeDataSource dataSource;
    private ExecutorService threads;

    @BeforeEach
    void startPool() {
        threads = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterEach
    void stopPool() {
        threads.shutdownNow();
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void waitingThreadsGetConnectionsInOrder() throws Exception {
        dataSource = pool(1, 5_000);
        Connection occupied = dataSource.getConnection();
        List<Integer> served = new CopyOnWriteArrayList<>();
        List<Future<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int turn = i;
            waiting.add(threads.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    served.add(turn);
                }
                return null;
            }));
            // Each thread joins the queue before the next one starts.
            awaitWaiting(turn + 1);
        }

        occupied.close();
        // A thread that arrives as the connection comes back goes behind the queue.
        try (Connection connection = dataSource.getConnection()) {
            served.add(5);
        }

        for (Future<?> thread : waiting) {
            thread.get(10, TimeUnit.SECONDS);
        }
        assertThat(served).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void waitBeyondTimeoutFails() throws Exception {
        dataSource = pool(1, 250);
        Connection occupied = dataSource.getConnection();

        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("within 250 ms");

        occupied.close();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void secondCloseReturnsNothing() throws Exception {
        dataSource = pool(2, 250);
        Connection first = dataSource.getConnection();
        first.close();
        first.close();

        Connection a = dataSource.getConnection();
        Connection b = dataSource.getConnection();

        assertThat(first.isClosed()).isTrue();
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        a.close();
        b.close();
    }

    @Test
    void connectionEqualsOnlyItself() throws Exception {
        dataSource = pool(2, 250);
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            assertThat(a).isEqualTo(a);
            assertThat(a).isNotEqualTo(b);
            assertThat(a.hashCode()).isEqualTo(a.hashCode());
        }
    }

    private static FirstComeDataSource pool(int size, long timeoutMillis) {
        HikariDataSource hikari = new HikariDataSource();
        hikari.setJdbcUrl("jdbc:h2:mem:first-come-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        hikari.setMaximumPoolSize(size);
        hikari.setConnectionTimeout(timeoutMillis);
        return new FirstComeDataSource(hikari);
    }

    private void awaitWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (dataSource.waitingCount() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Fewer than " + count + " threads are waiting");
            }
            Thread.sleep(2);
        }
    }
}
