package org.outagedesk.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A store as a form, the API and the stores CSV give it ({@code code,name,region,city,type,email,zone}), checked by
 * {@link CatalogRules}: {@code type} COMPANY or DEALER, {@code zone} an IANA zone (empty: the region's),
 * {@code email} optional.
 */
public record StoreDetails(@Nullable String code, @Nullable String name, @Nullable String region,
        @Nullable String city, @Nullable String type, @Nullable String email, @Nullable String zone) {
}
