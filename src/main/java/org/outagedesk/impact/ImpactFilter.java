package org.outagedesk.impact;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which impacts of an incident a list, a count or a bulk change is about. Every part is optional; an empty filter
 * means the whole incident.
 *
 * @param statuses  any of these statuses (empty: all)
 * @param category  the impact concerns this data category
 * @param sku       the subscriber's device SKU code
 * @param region    the region of the subscriber's home store
 * @param store     the home store's code
 * @param contacted true: called at least once; false: never called
 * @param q         part of the MSISDN, the account number or the name (case-insensitive)
 */
public record ImpactFilter(@Nullable Set<DataLossStatus> statuses, @Nullable DataCategory category,
        @Nullable String sku, @Nullable String region, @Nullable String store, @Nullable Boolean contacted,
        @Nullable String q) {

    public static ImpactFilter all() {
        return new ImpactFilter(null, null, null, null, null, null, null);
    }

    public ImpactFilter withStatuses(@Nullable Set<DataLossStatus> newStatuses) {
        return new ImpactFilter(newStatuses, category, sku, region, store, contacted, q);
    }

    /** A short description for the timeline and the audit trail: "status LOST, SKU SK-3-BLA". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (statuses != null && !statuses.isEmpty()) {
            b.append("status ").append(statuses.stream().sorted().map(Enum::name).toList()).append(", ");
        }
        if (category != null) b.append("category ").append(category).append(", ");
        if (sku != null && !sku.isBlank()) b.append("SKU ").append(sku).append(", ");
        if (region != null && !region.isBlank()) b.append("region ").append(region).append(", ");
        if (store != null && !store.isBlank()) b.append("store ").append(store).append(", ");
        if (contacted != null) b.append(contacted ? "contacted, " : "never contacted, ");
        if (q != null && !q.isBlank()) b.append("text '").append(q.strip()).append("', ");
        return b.isEmpty() ? "all subscribers of the incident" : b.substring(0, b.length() - 2);
    }
}
