package org.outagedesk.holds.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Times on the stop-sale screens: always with the zone named, so that Pacific and local time are not confused. */
final class HoldTimes {

    static final ZoneId VIEWER = ZoneId.systemDefault();
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a z", Locale.US);

    private HoldTimes() {
    }

    static String format(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }

    /** In the incident's zone, and in the viewer's when it differs. */
    static String both(@Nullable Instant instant, ZoneId incidentZone) {
        if (instant == null) {
            return "";
        }
        String main = format(instant, incidentZone);
        return incidentZone.equals(VIEWER) || incidentZone.getRules().equals(VIEWER.getRules()) ? main
                : main + " (" + format(instant, VIEWER) + ")";
    }
}
