package io.allice.platform.shared.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the rows that concurrent requests submit in shared transactions, so that many rows
 * cost one commit. A commit is the dearest part of a small insert: PostgreSQL runs its
 * bookkeeping and waits for the log flush once per transaction, however many rows it holds.
 *
 * <p>A request that finds no write in progress writes its own row at once, so a quiet service
 * adds no wait. Requests that arrive during a write queue up. When that write has committed,
 * its thread hands the queue (up to {@code maxBatch} rows) to the first queued request, whose
 * thread writes them all in one transaction. Each thread writes at most one batch, so no request
 * waits for more than the write in progress and the one that contains its row.
 *
 * <p>{@link #submit} returns only after the row's transaction committed, so a read that follows
 * the response finds the row. When a batch breaks a constraint, each of its rows is
 * written again alone, so that only the offending request fails. Any other failure, such as a
 * lost connection, would fail each row again, so it fails every request of the batch at once.
 *
 * @param <T> what a request submits
 * @param <R> what the request gets back once its row is stored
 */
public final class GroupCommit<T, R> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

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

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Submission<T, R>> queued = new ArrayDeque<>();
    /** Guarded by {@link #lock}: true from the start of a write until its thread has handed the queue on. */
    private boolean writing;

    /**
     * @param name what is written, for log lines ("items")
     * @param maxBatch the most rows one transaction writes
     */
    public GroupCommit(String name, int maxBatch, PlatformTransactionManager transactionManager,
            BatchWrite<T, R> write) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, not " + maxBatch);
        }
        this.name = name;
        this.maxBatch = maxBatch;
        // A new transaction even when the writing thread is inside one, so that other requests'
        // rows never commit or roll back with that thread's own work.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.write = write;
    }

    /**
     * Stores the row and returns its result once the transaction that wrote it has committed.
     * The exception of a failed write is thrown here, on the submitting thread.
     */
    public R submit(T row) {
        Submission<T, R> own = new Submission<>(row);
        List<Submission<T, R>> batch = null;
        lock.lock();
        try {
            if (writing) {
                queued.add(own);
            } else {
                writing = true;
                batch = List.of(own);
            }
        } finally {
            lock.unlock();
        }
        if (batch == null) {
            batch = own.awaitTurn();
        }
        if (batch != null) {
            try {
                writeBatch(batch);
            } finally {
                handOver();
            }
        }
        return own.outcome();
    }

    /** True from the start of a write until the queue has been handed on. */
    boolean isWriting() {
        lock.lock();
        try {
            return writing;
        } finally {
            lock.unlock();
        }
    }

    /** Rows waiting for the write in progress to end. */
    int queuedCount() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }

    /** Gives the queued rows to the first of their threads, or ends the writing when none are queued. */
    private void handOver() {
        List<Submission<T, R>> next;
        lock.lock();
        try {
            if (queued.isEmpty()) {
                writing = false;
                return;
            }
            next = new ArrayList<>(Math.min(maxBatch, queued.size()));
            while (next.size() < maxBatch && !queued.isEmpty()) {
                next.add(queued.poll());
            }
        } finally {
            lock.unlock();
        }
        next.getFirst().lead(next);
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
        } catch (RuntimeException e) {
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
        /** Completes with the batch this thread must write, or with null once another thread wrote the row. */
        private final CompletableFuture<List<Submission<T, R>>> turn = new CompletableFuture<>();
        private boolean settled;
        private R result;
        private Throwable failure;

        Submission(T row) {
            this.row = row;
        }

        T row() {
            return row;
        }

        List<Submission<T, R>> awaitTurn() {
            return turn.join();
        }

        void lead(List<Submission<T, R>> batch) {
            turn.complete(batch);
        }

        /*
         * The fields below are written by the thread that wrote the batch and read by the
         * submitting thread after turn completed, which orders the writes before the reads.
         */
        void succeeded(R value) {
            if (!settled) {
                settled = true;
                result = value;
                turn.complete(null);
            }
        }

        void failed(Throwable cause) {
            if (!settled) {
                settled = true;
                failure = cause;
                turn.complete(null);
            }
        }

        void failIfUnsettled(String name) {
            failed(new IllegalStateException("The write of " + name + " ended without a result for this row"));
        }

        R outcome() {
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
