package org.outagedesk.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The lifecycle times of an incident as corrected by hand; null means "not reached yet". */
public record LifecycleTimes(@Nullable Instant detectedAt, @Nullable Instant acknowledgedAt,
        @Nullable Instant mitigatedAt, @Nullable Instant resolvedAt) {
}
