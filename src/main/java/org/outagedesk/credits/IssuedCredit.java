package org.outagedesk.credits;

/** The answer to a credit request; {@code replayed} when an idempotency key returned an earlier request's credit. */
public record IssuedCredit(CreditRecord credit, boolean replayed) {
}
