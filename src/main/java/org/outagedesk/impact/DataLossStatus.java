package org.outagedesk.impact;

import java.util.Locale;

/**
 * How an incident left a subscriber's data. DEVICE_ONLY is the one agents must act on: the server copy is gone and
 * the phone holds the only copy, so the customer must not reset it, remove the battery or let it run flat.
 */
public enum DataLossStatus {
    UNKNOWN("Unknown"),
    DEVICE_ONLY("Only on device"),
    LOST("Lost"),
    RECOVERED("Recovered"),
    NOT_AFFECTED("Not affected");

    private final String label;

    DataLossStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses the status as written in files and requests (any case); null when it is not one of the statuses. */
    public static DataLossStatus parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
