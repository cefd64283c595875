package org.outagedesk.holds;

import java.time.Instant;

/** A reported sale broke a hold at a store (published in the transaction that recorded it). */
public record SaleViolationFound(long violationId, long incidentId, long holdId, String storeCode, String storeName,
        String region, String skuCode, int quantity, Instant soldAt, String holdReason) {

    static SaleViolationFound of(SaleViolation v) {
        return new SaleViolationFound(v.getId(), v.getIncidentId(), v.getHoldId(), v.getStoreCode(),
                v.getStoreName(), v.getRegion(), v.getSkuCode(), v.getQuantity(), v.getSoldAt(), v.getHoldReason());
    }
}
