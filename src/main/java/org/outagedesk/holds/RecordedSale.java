package org.outagedesk.holds;

import java.time.Instant;
import java.util.List;

/** A sale as recorded, with the holds it broke (empty: a clean sale). */
public record RecordedSale(long id, String store, String sku, int quantity, Instant soldAt, boolean violation,
        List<SaleStatus.HoldRef> violatedHolds) {
}
