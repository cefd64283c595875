package org.outagedesk.catalog;

/** Who runs a store: the carrier itself, or a third-party retailer (a dealer). */
public enum StoreType {
    COMPANY("Company store"),
    DEALER("Third-party retailer");

    private final String label;

    StoreType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
