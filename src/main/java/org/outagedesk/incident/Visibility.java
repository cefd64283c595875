package org.outagedesk.incident;

/** PUBLIC entries may be shown to customers (the advisory); INTERNAL ones never leave the console. */
public enum Visibility {
    PUBLIC("Public"),
    INTERNAL("Internal only");

    private final String label;

    Visibility(String label) {
        this.label = label;
    }

    /** In words, as people read it (never the code). */
    public String label() {
        return label;
    }
}
