package org.outagedesk.incident;

/** How bad an incident is: SEV1 is the worst (the 2009 Sidekick loss was a SEV1). */
public enum Severity {
    SEV1("Severity 1 (critical)"),
    SEV2("Severity 2 (major)"),
    SEV3("Severity 3 (minor)"),
    SEV4("Severity 4 (low)");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** In words, as people read it (never the code). */
    public String label() {
        return label;
    }
}
