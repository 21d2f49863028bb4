package io.allice.platform.shared.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the rows that concurrent requests submit in shared transactions, so that many rows
 * cost one commit. A commit is the dearest part of a small insert: PostgreSQL runs its
 * bookkeeping and waits for the log flush once per transaction, however many rows it holds.
 *
 * <p>One platform thread of its own writes the batches, one after another. A submitted row goes
 * into a queue, and the writer takes all queued rows (up to {@code maxBatch}) into its next
 * transaction. So a quiet service writes each row at once, and a busy one writes the rows that
 * arrived during the previous write together.
 *
 * <p>The writes are the only serial part of a create, so they do not run on the requests' virtual
 * threads. Under load a virtual thread that wakes up waits behind the other requests for a
 * carrier thread, after each JDBC round trip and when the queue is handed to it. Measured with 64
 * connections creating items, that wait was 1 to 7 ms per batch, and the write was busy only 55
 * to 78 % of the time.
 *
 * <p>{@link #submit} returns only after the row's transaction committed, so a read that follows
 * the response finds the row. When a batch breaks a constraint, each of its rows is
 * written again alone, so that only the offending request fails. Any other failure, such as a
 * lost connection, would fail each row again, so it fails every request of the batch at once.
 *
 * @param <T> what a request submits
 * @param <R> what the request gets back once its row is stored
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** The writer thread ends after this long without rows, and starts again with the next one. */
    private static final Duration WRITER_IDLE = Duration.ofSeconds(60);

    /** Writes rows inside the transaction that {@link GroupCommit} opened. */
    @FunctionalInterface
    public interface BatchWrite<T, R> {

        /** Returns one result per row, in the order of the rows. */
        List<R> write(List<T> rows);
    }

    private final String name;
    private final int maxBatch;
    private final TransactionTemplate transactions;
    private final BatchWrite<T, R> write;
    private final ThreadPoolExecutor writer;

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Submission<T, R>> queued = new ArrayDeque<>();
    /** Guarded by {@link #lock}: whether the writer was started and has not yet found the queue empty. */
    private boolean writing;

    /**
     * @param name what is written, for log lines and the writer thread's name ("items")
     * @param maxBatch the most rows one transaction writes
     */
    public GroupCommit(String name, int maxBatch, PlatformTransactionManager transactionManager,
            BatchWrite<T, R> write) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, not " + maxBatch);
        }
        this.name = name;
        this.maxBatch = maxBatch;
        this.transactions = new TransactionTemplate(transactionManager);
        this.write = write;
        this.writer = new ThreadPoolExecutor(1, 1, WRITER_IDLE.toSeconds(), TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("group-commit-" + name).daemon().factory());
        this.writer.allowCoreThreadTimeOut(true);
    }

    /**
     * Stores the row and returns its result once the transaction that wrote it has committed.
     * The exception of a failed write is thrown here, on the submitting thread.
     */
    public R submit(T row) {
        Submission<T, R> own = new Submission<>(row);
        boolean startWriter;
        lock.lock();
        try {
            queued.add(own);
            startWriter = !writing;
            writing = true;
        } finally {
            lock.unlock();
        }
        if (startWriter) {
            try {
                writer.execute(this::writeQueued);
            } catch (RejectedExecutionException e) {
                // Only after close(), when the service stops: nothing will write the queued rows.
                log.warn("Rejected {} rows because the {} writer has stopped", queuedCount(), name);
                failQueued(new IllegalStateException("The " + name + " writer has stopped", e));
            }
        }
        return own.outcome();
    }

    /** Stops the writer after the rows already queued are written. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The {} writer did not finish its queue within 30 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns whether the writer has rows to write or is writing. */
    boolean isWriting() {
        lock.lock();
        try {
            return writing;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the number of rows waiting for the write in progress to end. */
    int queuedCount() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }

    /** Writes batches until the queue is empty. Runs on the writer thread. */
    private void writeQueued() {
        while (true) {
            List<Submission<T, R>> batch;
            lock.lock();
            try {
                if (queued.isEmpty()) {
                    writing = false;
                    return;
                }
                batch = new ArrayList<>(Math.min(maxBatch, queued.size()));
                while (batch.size() < maxBatch && !queued.isEmpty()) {
                    batch.add(queued.poll());
                }
            } finally {
                lock.unlock();
            }
            writeBatch(batch);
        }
    }

    private void failQueued(RuntimeException cause) {
        List<Submission<T, R>> failed;
        lock.lock();
        try {
            failed = new ArrayList<>(queued);
            queued.clear();
            writing = false;
        } finally {
            lock.unlock();
        }
        failed.forEach(submission -> submission.failed(cause));
    }

    private void writeBatch(List<Submission<T, R>> batch) {
        try {
            List<R> results = inTransaction(batch.stream().map(Submission::row).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).succeeded(results.get(i));
            }
        } catch (DataIntegrityViolationException e) {
            if (batch.size() == 1) {
                batch.getFirst().failed(e);
                return;
            }
            log.info("A batch of {} {} broke a constraint; writing each row alone to find which", batch.size(), name);
            for (Submission<T, R> submission : batch) {
                writeAlone(submission);
            }
        } catch (RuntimeException | Error e) {
            log.warn("Writing a batch of {} {} failed, so each of its requests fails: {}", batch.size(), name, e.toString());
            // Each request of the batch throws this from submit().
            for (Submission<T, R> submission : batch) {
                submission.failed(e);
            }
        } finally {
            // A result list of the wrong length must not leave a request waiting for ever.
            for (Submission<T, R> submission : batch) {
                submission.failIfUnsettled(name);
            }
        }
    }

    private void writeAlone(Submission<T, R> submission) {
        try {
            submission.succeeded(inTransaction(List.of(submission.row())).getFirst());
        } catch (RuntimeException | Error e) {
            submission.failed(e);
        }
    }

    private List<R> inTransaction(List<T> rows) {
        List<R> results = transactions.execute(status -> write.write(rows));
        if (results == null || results.size() != rows.size()) {
            throw new IllegalStateException("Writing " + rows.size() + " " + name + " returned "
                    + (results == null ? "no" : results.size()) + " results");
        }
        return results;
    }

    /** One request's row and, once written, its result or failure. */
    private static final class Submission<T, R> {

        private final T row;
        /** Completes once the row's write has succeeded or failed. */
        private final CompletableFuture<Void> written = new CompletableFuture<>();
        private boolean settled;
        private R result;
        private Throwable failure;

        Submission(T row) {
            this.row = row;
        }

        T row() {
            return row;
        }

        /*
         * The fields below are written by the writer thread and read by the submitting thread
         * after written completed, which orders the writes before the reads.
         */
        void succeeded(R value) {
            if (!settled) {
                settled = true;
                result = value;
                written.complete(null);
            }
        }

        void failed(Throwable cause) {
            if (!settled) {
                settled = true;
                failure = cause;
                written.complete(null);
            }
        }

        void failIfUnsettled(String name) {
            failed(new IllegalStateException("The write of " + name + " ended without a result for this row"));
        }

        /** Waits for the write, then returns its result or throws its failure. */
        R outcome() {
            written.join();
            switch (failure) {
                case null -> {
                    return result;
                }
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException(failure);
            }
        }
    }
}
