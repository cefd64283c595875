package org.outagedesk.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the audit trail is filtered by; every part is optional. {@code to} is exclusive. */
public record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable String entityType,
        @Nullable String entityId, @Nullable String text, @Nullable Instant from, @Nullable Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }
}
