package org.outagedesk.impact.ui;

import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;

/** Small pieces the subscriber screens share: status badges, category lists, times with their zone named. */
final class ImpactUi {

    static final String DEVICE_ONLY_WARNING = "The data exists only on the device: tell the customer not to reset"
            + " it, remove the battery or let it run flat.";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.US);

    private ImpactUi() {
    }

    static Span badge(DataLossStatus status) {
        Span badge = new Span(status.label());
        badge.addClassNames("od-status", "od-status-" + status.name());
        return badge;
    }

    static String categories(Set<DataCategory> categories) {
        return categories.isEmpty() ? "—"
                : categories.stream().sorted().map(DataCategory::label).collect(Collectors.joining(", "));
    }

    /** "2009-10-12 12:30 PDT"; the zone is always named. */
    static String when(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "—" : WHEN.format(instant.atZone(zone));
    }

    /** In the viewer's zone, and in the incident's reference zone beside it when that differs. */
    static String when(@Nullable Instant instant, ZoneId viewer, ZoneId incident) {
        if (instant == null) {
            return "—";
        }
        String mine = when(instant, viewer);
        return viewer.equals(incident) ? mine : mine + " (" + when(instant, incident) + ")";
    }
}
