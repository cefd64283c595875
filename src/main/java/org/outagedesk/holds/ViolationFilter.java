package org.outagedesk.holds;

import org.jspecify.annotations.Nullable;

/** Narrows the violations list; every part is optional. */
public record ViolationFilter(@Nullable Long incidentId, @Nullable Long holdId, @Nullable String region,
        @Nullable String store) {

    public static ViolationFilter all() {
        return new ViolationFilter(null, null, null, null);
    }
}
