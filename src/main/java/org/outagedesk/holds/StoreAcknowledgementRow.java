package org.outagedesk.holds;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outagedesk.catalog.StoreType;

/** One store a hold reaches, and its acknowledgement when it gave one. */
public record StoreAcknowledgementRow(String storeCode, String storeName, String region, StoreType storeType,
        @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
