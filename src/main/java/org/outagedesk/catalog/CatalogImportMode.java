package org.outagedesk.catalog;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;

/**
 * ALL_OR_NOTHING (the default): one bad row refuses the file. VALID_ROWS: the good rows go in, the bad are listed.
 * The same modes as the subscriber import ({@code impact.ImportMode}), which the catalog cannot use: impact
 * depends on the catalog.
 */
public enum CatalogImportMode {
    ALL_OR_NOTHING, VALID_ROWS;

    /** "all-or-nothing" or "valid-rows" as on the API; null or blank gives the default. */
    public static CatalogImportMode parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return ALL_OR_NOTHING;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "all-or-nothing" -> ALL_OR_NOTHING;
            case "valid-rows" -> VALID_ROWS;
            default -> throw new DomainException("mode", "mode must be all-or-nothing or valid-rows");
        };
    }
}
