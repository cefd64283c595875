package org.outagedesk.security;

/** A user's credentials version and whether they may sign in, as the database says now. */
record CredentialsStamp(int credentialsVersion, boolean enabled) {
}
