package org.outagedesk.security;

import org.jspecify.annotations.Nullable;

/** An active incident manager as the team e-mails address them; {@code email} null: they have none. */
public record TeamContact(String username, String displayName, @Nullable String email) {
}
