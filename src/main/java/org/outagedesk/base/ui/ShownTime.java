package org.outagedesk.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;

/**
 * Every time on a screen, in one format and with its zone named: the viewer's own zone as the browser reports it
 * (on a store's screens, the store's zone), and the incident's reference zone beside it where the incident team
 * works. No screen uses the server's zone.
 */
public final class ShownTime {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a", Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    /**
     * The zone of a store's region. Stores have no zone of their own yet (the catalog adds one); until then a store
     * is shown in its region's zone. Swap this lookup for the store's own zone when it exists.
     */
    private ShownTime() {
    }

    /** The viewer's zone as their browser reports it; UTC (named as such) while it is unknown. */
    public static ZoneId viewerZone() {
        UI ui = UI.getCurrent();
        ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id != null && !id.isBlank()) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                return ZoneOffset.UTC;
            }
        }
        return ZoneOffset.UTC;
    }

    /** "Oct 12, 2009, 12:30 PM PDT"; "" when there is no time. */
    public static String at(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone)) + " " + zoneName(zone, instant);
    }

    /** In the viewer's zone. */
    public static String at(@Nullable Instant instant) {
        return at(instant, viewerZone());
    }

    /** "Oct 12, 2009" in the zone. */
    public static String date(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    /**
     * In the viewer's zone, with the incident's reference zone beside it when it differs there:
     * "Oct 12, 2009, 3:30 PM EDT (12:30 PM PDT, incident time)".
     */
    public static String withIncident(@Nullable Instant instant, ZoneId incidentZone) {
        return withIncident(instant, viewerZone(), incidentZone);
    }

    public static String withIncident(@Nullable Instant instant, ZoneId viewer, ZoneId incidentZone) {
        if (instant == null) {
            return "";
        }
        String mine = at(instant, viewer);
        if (viewer.getRules().getOffset(instant).equals(incidentZone.getRules().getOffset(instant))) {
            return mine;
        }
        boolean sameDay = instant.atZone(viewer).toLocalDate().equals(instant.atZone(incidentZone).toLocalDate());
        String theirs = sameDay ? DateTimeFormatter.ofPattern("h:mm a", Locale.US).format(instant.atZone(incidentZone))
                + " " + zoneName(incidentZone, instant) : at(instant, incidentZone);
        return mine + " (" + theirs + ", incident time)";
    }

    /** A zone as people name it: "PDT", "EST", "UTC" (never "Etc/UTC"). */
    public static String zoneName(ZoneId zone, Instant at) {
        if (zone.normalized().equals(ZoneOffset.UTC) || "Etc/UTC".equals(zone.getId()) || "UTC".equals(zone.getId())
                || "GMT".equals(zone.getId())) {
            return "UTC";
        }
        boolean summer = zone.getRules().isDaylightSavings(at);
        String shortName = TimeZone.getTimeZone(zone).getDisplayName(summer, TimeZone.SHORT,
                Locale.US);
        return shortName.startsWith("GMT") ? zone.getDisplayName(TextStyle.FULL, Locale.US) : shortName;
    }

    /** "Pacific Time", "UTC": a zone named for a sentence. */
    public static String zoneLongName(ZoneId zone) {
        if (zone.normalized().equals(ZoneOffset.UTC) || "Etc/UTC".equals(zone.getId())) {
            return "UTC";
        }
        String name = DateTimeFormatter.ofPattern("vvvv", Locale.US).format(Instant.EPOCH.atZone(zone));
        return name.startsWith("GMT") ? zone.getId() : name;
    }

    /** "3 days 4 hours", "5 hours 12 minutes", "40 minutes": how long, for people. */
    public static String duration(@Nullable Duration d) {
        if (d == null) {
            return "—";
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return Words.count(days, "day") + (hours > 0 ? " " + Words.count(hours, "hour") : "");
        }
        if (hours > 0) {
            return Words.count(hours, "hour") + (minutes > 0 ? " " + Words.count(minutes, "minute") : "");
        }
        return Words.count(minutes, "minute");
    }
}
