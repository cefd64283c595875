package org.outagedesk.impact;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;

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

    /**
     * The filter as the API's query parameters give it: {@code status} repeated or comma-separated, the category by
     * name. An unknown status or category is refused with the field named and the allowed values.
     */
    public static ImpactFilter parse(@Nullable List<String> status, @Nullable String category, @Nullable String sku,
            @Nullable String region, @Nullable String store, @Nullable Boolean contacted, @Nullable String q) {
        Set<DataLossStatus> statuses = EnumSet.noneOf(DataLossStatus.class);
        if (status != null) {
            for (String part : status) {
                for (String s : part.split(",")) {
                    if (s.isBlank()) {
                        continue;
                    }
                    DataLossStatus parsed = DataLossStatus.parseOrNull(s);
                    if (parsed == null) {
                        throw new DomainException("status", "'" + s.strip() + "' is not one of "
                                + List.of(DataLossStatus.values()));
                    }
                    statuses.add(parsed);
                }
            }
        }
        DataCategory cat = null;
        if (category != null && !category.isBlank()) {
            cat = DataCategory.parseOrNull(category);
            if (cat == null) {
                throw new DomainException("category", "'" + category + "' is not one of "
                        + List.of(DataCategory.values()));
            }
        }
        return new ImpactFilter(statuses, cat, sku, region, store, contacted, q);
    }

    /** No criterion at all: the whole incident. */
    public boolean isEmpty() {
        return (statuses == null || statuses.isEmpty()) && category == null && (sku == null || sku.isBlank())
                && (region == null || region.isBlank()) && (store == null || store.isBlank()) && contacted == null
                && (q == null || q.isBlank());
    }

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
            b.append("status ").append(String.join(" or ", statuses.stream().sorted().map(DataLossStatus::label)
                    .toList())).append(", ");
        }
        if (category != null) b.append("data concerned ").append(category.label()).append(", ");
        if (sku != null && !sku.isBlank()) b.append("SKU ").append(sku).append(", ");
        if (region != null && !region.isBlank()) b.append("region ").append(region).append(", ");
        if (store != null && !store.isBlank()) b.append("home store ").append(store).append(", ");
        if (contacted != null) b.append(contacted ? "contacted, " : "never contacted, ");
        if (q != null && !q.isBlank()) b.append("number, account or name containing '").append(q.strip()).append("', ");
        return b.isEmpty() ? "all subscribers of the incident" : b.substring(0, b.length() - 2);
    }
}
