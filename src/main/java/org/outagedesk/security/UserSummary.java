package org.outagedesk.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user as the console and the API show it (never the password hash). */
public record UserSummary(long id, String username, String displayName, String role, @Nullable String storeCode,
        @Nullable String storeName, boolean enabled, Instant createdAt, int version, @Nullable String email,
        boolean infoEmails) {

    static UserSummary of(AppUser u) {
        return new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(),
                u.getStore() == null ? null : u.getStore().getCode(),
                u.getStore() == null ? null : u.getStore().getName(), u.isEnabled(), u.getCreatedAt(), u.getVersion(),
                u.getEmail(), u.wantsInfoEmails());
    }
}
