package org.outagedesk.impact;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A subscriber with what every incident did to them, each impact with its history and contact log (newest first). */
public record SubscriberDetails(String msisdn, String account, String name, String sku, String skuModel,
        String store, String storeName, String region, boolean dataPlan, @Nullable Instant lastSyncAt,
        List<ImpactDetails> impacts) {

    public record ImpactDetails(long incidentId, String incidentTitle, String incidentZone, DataLossStatus status,
            Set<DataCategory> categories, @Nullable Instant lastContactedAt, int version,
            List<StatusChange> history, List<Contact> contacts) {
    }

    public record StatusChange(Instant at, String by, @Nullable DataLossStatus from, DataLossStatus to,
            String reason) {
    }

    public record Contact(Instant at, String agent, String note) {
    }
}
