package org.outagedesk.holds;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A sale reported by a till. {@code quantity} null: one. */
public record NewSale(@Nullable String store, @Nullable String sku, @Nullable Integer quantity,
        @Nullable Instant soldAt) {
}
