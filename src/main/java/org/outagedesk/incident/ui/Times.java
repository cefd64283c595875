package org.outagedesk.incident.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.ui.ShownTime;

/**
 * Shows instants the way this console promises: in a named zone, the incident's reference zone beside the viewer's
 * own (the browser's) when they differ.
 */
final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z",
            Locale.ENGLISH);

    private Times() {
    }

    /** The viewer's zone as the browser reports it; UTC until known. */
    static ZoneId viewerZone(UI ui) {
        ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
        if (details != null && details.getTimeZoneId() != null && !details.getTimeZoneId().isBlank()) {
            try {
                return ZoneId.of(details.getTimeZoneId());
            } catch (DateTimeException e) {
                return ZoneOffset.UTC;
            }
        }
        return ZoneOffset.UTC;
    }

    static String in(Instant instant, ZoneId zone) {
        return ShownTime.at(instant, zone);
    }

    /** In the viewer's zone with the incident's beside it: "Oct 10, 2009, 9:00 PM UTC (2:00 PM PDT, incident time)". */
    static String both(@Nullable Instant instant, ZoneId reference, ZoneId viewer) {
        if (instant == null) {
            return "not yet";
        }
        return ShownTime.withIncident(instant, viewer, reference);
    }

    /** "3 d 4 h 15 min". */
    static String duration(@Nullable Duration d) {
        if (d == null) {
            return "—";
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder s = new StringBuilder();
        if (days > 0) {
            s.append(days).append(" d ");
        }
        if (days > 0 || hours > 0) {
            s.append(hours).append(" h ");
        }
        return s.append(minutes).append(" min").toString();
    }
}
