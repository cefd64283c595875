package org.outagedesk.holds;

import org.outagedesk.catalog.StoreType;

/** Where a SKU is sold: the web store, the carrier's own stores, or third-party retailers (dealers). */
public enum SalesChannel {
    ONLINE("Online"),
    RETAIL("Company stores"),
    DEALER("Third-party retailers");

    private final String label;

    SalesChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The channel a physical store sells through. */
    public static SalesChannel of(StoreType type) {
        return type == StoreType.COMPANY ? RETAIL : DEALER;
    }

    /** The store type that sells through this channel; null for ONLINE, which has no stores. */
    public StoreType storeType() {
        return switch (this) {
            case ONLINE -> null;
            case RETAIL -> StoreType.COMPANY;
            case DEALER -> StoreType.DEALER;
        };
    }
}
