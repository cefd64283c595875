package org.outagedesk.holds;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A hold as one store sees it: the hold, and whether (and when) the store acknowledged it. */
public record StoreHold(HoldSummary hold, String storeCode, @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy, boolean overdue) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
