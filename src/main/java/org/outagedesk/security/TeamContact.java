package org.outagedesk.security;

import org.jspecify.annotations.Nullable;

/**
 * An active incident manager as the team e-mails address them; {@code email} null: they have none;
 * {@code infoEmails} false: they switched off the e-mails that are for information only.
 */
public record TeamContact(String username, String displayName, @Nullable String email, boolean infoEmails) {
}
