package org.outagedesk.outbox;

import java.util.Locale;

/**
 * Where an outbound message is. QUEUED waits (for its turn, for morning, for the SMSC to come back); SENDING is
 * claimed by a dispatcher; SENT was accepted by the SMSC or the relay; DELIVERED, FAILED and EXPIRED are final
 * (FAILED also when it gave up retrying); SKIPPED was never sent, with the reason.
 */
public enum MessageStatus {
    QUEUED("Queued"),
    SENDING("Sending"),
    SENT("Sent"),
    DELIVERED("Delivered"),
    FAILED("Failed"),
    EXPIRED("Expired"),
    SKIPPED("Skipped");

    private final String label;

    MessageStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Nothing more will happen to the message unless someone resends it. */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == EXPIRED || this == SKIPPED;
    }

    public static MessageStatus parseOrNull(String text) {
        try {
            return text == null ? null : valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
