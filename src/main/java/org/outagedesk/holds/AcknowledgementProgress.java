package org.outagedesk.holds;

import java.time.Instant;
import java.util.List;

/**
 * How far the stores a hold reaches have acknowledged it. A store that has not acknowledged is PENDING until the
 * hold's deadline and OVERDUE after it (while the hold is scheduled or active; a lifted or expired hold chases
 * nobody).
 */
public record AcknowledgementProgress(long holdId, Instant deadline, boolean deadlinePassed, long stores,
        long acknowledged, long pending, long overdue, List<RegionProgress> byRegion) {

    public record RegionProgress(String region, long stores, long acknowledged, long pending, long overdue) {
    }

    public int percentAcknowledged() {
        return stores == 0 ? 100 : (int) (acknowledged * 100 / stores);
    }
}
