package org.outagedesk.catalog;

import org.jspecify.annotations.Nullable;

/** A SKU as a form, the API and the SKU CSV give it ({@code code,model,colour,family}), checked by {@link CatalogRules}. */
public record SkuDetails(@Nullable String code, @Nullable String model, @Nullable String colour,
        @Nullable String family) {
}
