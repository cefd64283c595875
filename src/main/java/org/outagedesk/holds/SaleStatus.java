package org.outagedesk.holds;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * May this SKU be sold here now? {@code store} is null for the ONLINE channel; {@code holds} are the holds that
 * say no (empty when sellable). {@code reason} says why not when no hold does: {@link #STORE_CLOSED}.
 */
public record SaleStatus(String sku, @Nullable String store, SalesChannel channel, boolean sellable,
        List<HoldRef> holds, @Nullable String reason) {

    /** The reason given for every SKU at a closed store. */
    public static final String STORE_CLOSED = "store closed";

    public SaleStatus(String sku, @Nullable String store, SalesChannel channel, boolean sellable,
            List<HoldRef> holds) {
        this(sku, store, channel, sellable, holds, sellable ? null : "on hold");
    }

    public record HoldRef(long id, String reason, Instant effectiveFrom) {

        static HoldRef of(SalesHold h) {
            return new HoldRef(h.getId(), h.getReason(), h.getEffectiveFrom());
        }
    }
}
