package org.outagedesk.credits.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Times on the credit screens: in the viewer's zone with the zone named. */
final class CreditFormat {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private CreditFormat() {
    }

    static String time(@Nullable Instant at, ZoneId zone) {
        return at == null ? "" : FORMAT.format(at.atZone(zone)) + " " + zone.getDisplayName(TextStyle.SHORT, Locale.US);
    }
}
