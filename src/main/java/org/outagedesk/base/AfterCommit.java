package org.outagedesk.base;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a step once the caller's transaction has committed (never after a rollback), or at once when there is no
 * transaction: what {@code @TransactionalEventListener(phase = AFTER_COMMIT, fallbackExecution = true)} does, for
 * listeners that must NOT be kept in the event publication registry (decision 0020). An in-memory cache emptied
 * after a change has nothing to redo after a crash (the node's memory went with it), so a registry row for it would
 * cost an insert, an update and a delete per change for nothing. Listen with {@code @EventListener} and call this.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable step) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    step.run();
                }
            });
        } else {
            step.run();
        }
    }
}
