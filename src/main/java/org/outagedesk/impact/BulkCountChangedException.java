package org.outagedesk.impact;

import org.outagedesk.base.DomainException;

/** The filter of a bulk change selects a different number of subscribers than the user confirmed. */
public class BulkCountChangedException extends DomainException {

    private final long currentCount;

    BulkCountChangedException(long expected, long currentCount) {
        super(null, "The selection changed: it now has " + currentCount + " subscribers to change, not " + expected
                + ". Check the new count and confirm again.", true);
        this.currentCount = currentCount;
    }

    public long currentCount() {
        return currentCount;
    }
}
