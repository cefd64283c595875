package org.outagedesk.impact;

import java.util.Locale;
import org.outagedesk.base.DomainException;

/** ALL_OR_NOTHING (the default): one bad row refuses the file. VALID_ROWS: the good rows go in, the bad are listed. */
public enum ImportMode {
    ALL_OR_NOTHING, VALID_ROWS;

    /** "all or nothing", "valid rows only": as people read it. */
    public String label() {
        return this == ALL_OR_NOTHING ? "all or nothing" : "valid rows only";
    }

    /** "all-or-nothing" or "valid-rows" as on the API; null or blank gives the default. */
    public static ImportMode parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL_OR_NOTHING;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new DomainException("mode",
                    "mode must be all-or-nothing or valid-rows, not '" + text + "'");
        }
    }
}
