package org.outagedesk.incident;

/** PUBLIC entries may be shown to customers (the advisory); INTERNAL ones never leave the console. */
public enum Visibility {
    PUBLIC, INTERNAL
}
