package org.outagedesk.outbox;

/** How a message reaches its recipient. */
public enum Channel {
    SMS("Text message"),
    EMAIL("E-mail");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
