package org.outagedesk.holds;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to place a hold. Exactly one of {@code skus} and {@code family}. Empty {@code regions} and
 * {@code stores}: every store of the channels. {@code effectiveFrom} null: now. {@code ackDeadlineHours} null: 24.
 */
public record NewHold(@Nullable Long incidentId, @Nullable List<String> skus, @Nullable String family,
        @Nullable List<SalesChannel> channels, @Nullable List<String> regions, @Nullable List<String> stores,
        @Nullable Instant effectiveFrom, @Nullable Instant effectiveUntil, @Nullable Integer ackDeadlineHours,
        @Nullable String reason) {

    public static final int DEFAULT_ACK_DEADLINE_HOURS = 24;
}
