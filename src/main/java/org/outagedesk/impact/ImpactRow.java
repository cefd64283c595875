package org.outagedesk.impact;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One line of the affected-subscribers list. */
public record ImpactRow(String msisdn, String account, String name, String sku, String store, String region,
        DataLossStatus status, Set<DataCategory> categories, @Nullable Instant lastContactedAt) {
}
