package org.outagedesk.holds;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A hold as screens and the API show it: its status now and how many stores it reaches; {@code closedStoresSkipped}
 * counts the stores of its scope it does not reach because they were closed before it was placed.
 */
public record HoldSummary(long id, long incidentId, HoldStatus status, @Nullable String family, List<String> skus,
        List<SalesChannel> channels, List<String> regions, List<String> stores, Instant effectiveFrom,
        @Nullable Instant effectiveUntil, Instant ackDeadline, String reason, Instant placedAt, String placedBy,
        @Nullable Instant liftedAt, @Nullable String liftedBy, @Nullable String liftReason, long storeCount,
        long closedStoresSkipped) {

    /** "Every Sidekick model" (a family, in words rather than its code) or the SKU codes. */
    public String coverage() {
        if (family == null) {
            return String.join(", ", skus);
        }
        String words = family.replace('_', ' ').toLowerCase(Locale.ROOT);
        return "Every " + Character.toUpperCase(words.charAt(0)) + words.substring(1) + " model";
    }

    public String scope() {
        if (regions.isEmpty() && stores.isEmpty()) {
            return "Everywhere";
        }
        String r = regions.isEmpty() ? "" : "Regions: " + String.join(", ", regions);
        String s = stores.isEmpty() ? "" : "Stores: " + String.join(", ", stores);
        return r.isEmpty() ? s : s.isEmpty() ? r : r + "; " + s;
    }
}
