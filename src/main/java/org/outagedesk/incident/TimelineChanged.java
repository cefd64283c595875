package org.outagedesk.incident;

/**
 * Something the public may see of an incident changed: an entry was added, edited or retracted, or the incident was
 * opened or changed status. Published inside the transaction of the change; act after its commit. The public
 * advisory renders itself again on it ({@code base.AfterCommit}: a cache needs no registry row, decision 0020).
 */
public record TimelineChanged(long incidentId) {
}
