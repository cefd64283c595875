package org.outagedesk.incident;

/**
 * Something the public may see of an incident changed: an entry was added, edited or retracted, or the incident was
 * opened or changed status. Published inside the transaction of the change; listen after its commit
 * ({@code @TransactionalEventListener}). The public advisory renders itself again on it.
 */
public record TimelineChanged(long incidentId) {
}
