package io.allice.platform.shared.persistence;

import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool, handing out its connections in the order that threads requested them.
 *
 * <p>HikariCP lets a thread that requests a connection take one that was just given back, even
 * while other threads wait. Under load, with more requests than connections, some requests then
 * waited many times longer than others. At 64 connections to the item list, p99 latency was about
 * four times the median. A fair semaphore with one permit per pooled connection puts the waiting
 * threads in a queue, so HikariCP has a free connection for each thread with a permit. The permit
 * goes back when the connection is closed, that is, returned to the pool.
 */
final class FirstComeDataSource extends DelegatingDataSource implements Closeable {

    private final HikariDataSource pool;
    private final Semaphore permits;
    private final long timeoutMillis;

    FirstComeDataSource(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
        this.permits = new Semaphore(pool.getMaximumPoolSize(), true);
        this.timeoutMillis = pool.getConnectionTimeout();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return inTurn(pool::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return inTurn(() -> pool.getConnection(username, password));
    }

    /** Closes the pool and its connections. */
    @Override
    public void close() {
        pool.close();
    }

    /** Threads waiting for a connection, for tests. */
    int waitingCount() {
        return permits.getQueueLength();
    }

    /** Waits for a permit, then opens a connection that gives the permit back when it is closed. */
    private Connection inTurn(PooledConnectionSource source) throws SQLException {
        awaitTurn();
        try {
            return releasingOnClose(source.open());
        } catch (SQLException | RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    private void awaitTurn() throws SQLException {
        try {
            if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLTransientConnectionException("No database connection became free within "
                        + timeoutMillis + " ms: all " + pool.getMaximumPoolSize() + " are in use. Raise "
                        + "DATABASE_POOL_SIZE or look for slow queries");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("Interrupted while waiting for a database connection", e);
        }
    }

    /**
     * Wraps the pooled connection so that its first {@code close()} or {@code abort} also gives the
     * permit back. A dynamic proxy, as Spring's own connection wrappers use, because
     * {@link Connection} has dozens of methods that all pass straight through.
     */
    private Connection releasingOnClose(Connection connection) {
        AtomicBoolean returned = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                        }
                    }
                    boolean ends = method.getName().equals("close") || method.getName().equals("abort");
                    if (ends && returned.compareAndSet(false, true)) {
                        try {
                            return call(method, connection, args);
                        } finally {
                            permits.release();
                        }
                    }
                    return call(method, connection, args);
                });
    }

    private static Object call(Method method, Connection connection, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One of the pool's two ways to open a connection. */
    @FunctionalInterface
    private interface PooledConnectionSource {
        Connection open() throws SQLException;
    }
}
