package io.allice.platform.shared.persistence;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must see the current transaction's changes stored, such as cache drops and blob deletes. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs the action once the current transaction has committed, and never if it rolls back.
     * Outside a transaction it runs at once.
     */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
