package org.outagedesk.advisory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.outagedesk.incident.IncidentStatus;

/** What the public reads instead of the console's codes and instants. */
final class PublicWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy, h:mm a z",
            Locale.ENGLISH);

    private PublicWords() {
    }

    /** "Sat, Oct 10, 2009, 2:00 PM PDT (America/Los_Angeles)": in the incident's zone, the zone named. */
    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    static String status(IncidentStatus status) {
        return switch (status) {
            case INVESTIGATING -> "Investigating: we are looking into the cause";
            case IDENTIFIED -> "Cause found: we are working on a fix";
            case MONITORING -> "Fix in place: we are making sure it holds";
            case RESOLVED -> "Resolved";
        };
    }

    /** Characters that XML 1.0 forbids (control characters a pasted text may carry) become spaces. */
    static String clean(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            if (!allowed) {
                if (s == null) {
                    s = new StringBuilder(text);
                }
                s.setCharAt(i, ' ');
            }
        }
        return s == null ? text : s.toString();
    }
}
