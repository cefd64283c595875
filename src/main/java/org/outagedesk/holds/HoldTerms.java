package org.outagedesk.holds;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The stop-sale rule, in one place: what a hold says, copied out of the entity (immutable, safe to read from any
 * thread), and the only code that decides whether it stops a sale of this SKU, in this channel and store, at this
 * moment. The tills' answers ({@link HoldBook}), a single reported sale and the daily sales file
 * ({@link SaleStatusService}), the store manager's holds and acknowledgements ({@link HoldAcknowledgementService}) all ask
 * it; the repository only narrows the candidates by channel and scope.
 */
record HoldTerms(long id, String reason, Instant effectiveFrom, @Nullable Instant effectiveUntil,
        @Nullable Instant liftedAt, @Nullable String family, Set<String> skus, Set<SalesChannel> channels,
        Set<String> regions, Set<String> stores) {

    HoldTerms {
        skus = Set.copyOf(skus);
        channels = Set.copyOf(channels);
        regions = Set.copyOf(regions);
        stores = Set.copyOf(stores);
    }

    static HoldTerms of(SalesHold h) {
        Long id = h.getId();
        return new HoldTerms(id == null ? 0 : id, h.getReason(), h.getEffectiveFrom(), h.getEffectiveUntil(),
                h.getLiftedAt(), h.getFamily(), h.getSkus(), h.getChannels(), h.getRegions(), h.getStores());
    }

    /** What the hold is as it stands at {@code now}: lifted (final), expired, scheduled or active. */
    HoldStatus statusAt(Instant now) {
        if (liftedAt != null) {
            return HoldStatus.LIFTED;
        }
        if (effectiveUntil != null && !now.isBefore(effectiveUntil)) {
            return HoldStatus.EXPIRED;
        }
        return now.isBefore(effectiveFrom) ? HoldStatus.SCHEDULED : HoldStatus.ACTIVE;
    }

    /**
     * Whether the hold was in force at that moment, past or present: from its start, until its end or the moment it
     * was lifted (a sale judged afterwards, before the lift, was still a sale during the hold).
     */
    boolean appliesAt(Instant when) {
        return !when.isBefore(effectiveFrom) && (effectiveUntil == null || when.isBefore(effectiveUntil))
                && (liftedAt == null || when.isBefore(liftedAt));
    }

    /** Not lifted and not over at that moment: in force, or scheduled to be (what a store must know about). */
    boolean currentOrScheduledAt(Instant when) {
        return liftedAt == null && (effectiveUntil == null || when.isBefore(effectiveUntil));
    }

    /** A hold of a family covers every SKU of it, also those added later; else the SKUs it names. */
    boolean covers(String skuCode, @Nullable String skuFamily) {
        return family != null ? family.equals(skuFamily) : skus.contains(skuCode);
    }

    /** No region and no store named: the hold applies in every store of its channels. */
    boolean everywhere() {
        return regions.isEmpty() && stores.isEmpty();
    }

    /**
     * The channel, and for a physical store its region or code unless the hold names neither. {@code store} null:
     * the web store, which is national (the channel decides alone).
     */
    boolean reaches(SalesChannel channel, HoldBook.@Nullable Place store) {
        return channels.contains(channel) && (store == null || everywhere() || regions.contains(store.region())
                || stores.contains(store.code()));
    }

    /** The whole rule: does this hold stop a sale of this SKU in this channel and store at that moment? */
    boolean stops(String skuCode, @Nullable String skuFamily, SalesChannel channel, HoldBook.@Nullable Place store,
            Instant at) {
        return appliesAt(at) && reaches(channel, store) && covers(skuCode, skuFamily);
    }

    SaleStatus.HoldRef ref() {
        return new SaleStatus.HoldRef(id, reason, effectiveFrom);
    }
}
