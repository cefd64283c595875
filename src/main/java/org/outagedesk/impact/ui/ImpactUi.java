package org.outagedesk.impact.ui;

import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;

/** Small pieces the subscriber screens share: status badges, category lists, times with their zone named. */
final class ImpactUi {

    static final String DEVICE_ONLY_WARNING = "Do NOT reset the phone. Do NOT remove the battery or let it run"
            + " flat. The data on the phone may be the only copy left: keep it switched on and charged.";

    /** What the agent tells the caller, for every status. */
    static String script(DataLossStatus status) {
        return switch (status) {
            case DEVICE_ONLY -> "Tell the caller: \"Your contacts, photos and other data are still on your phone,"
                    + " but the copy on our servers was lost. Please do not reset the phone, do not take the battery"
                    + " out and do not let it run flat until we tell you the data is safe. Keep it charged.\"";
            case LOST -> "Tell the caller: \"We are sorry: the data listed here could not be recovered, neither from"
                    + " our servers nor from your phone. You will receive a credit on your account; you do not need to"
                    + " do anything to get it.\" Then check the credits below.";
            case RECOVERED -> "Tell the caller: \"Good news: your data has been restored. Let your phone sync over a"
                    + " working data connection; it may take a few hours. If something is still missing, call us"
                    + " back.\"";
            case UNKNOWN -> "Tell the caller: \"We do not know yet whether your data is affected. Until we do, please"
                    + " do not reset your phone, take the battery out or let it run flat. We will contact you; there"
                    + " is nothing else you need to do.\"";
            case NOT_AFFECTED -> "Tell the caller: \"Your data was not affected by this outage; nothing was lost."
                    + " If your phone does not sync, restart the data connection; call us back if it still fails.\"";
        };
    }

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

    /** "Oct 12, 2009, 12:30 PM PDT"; the zone is always named (ShownTime). */
    static String when(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "—" : ShownTime.at(instant, zone);
    }

    /** In the viewer's zone, and in the incident's reference zone beside it when that differs. */
    static String when(@Nullable Instant instant, ZoneId viewer, ZoneId incident) {
        return instant == null ? "—" : ShownTime.withIncident(instant, viewer, incident);
    }
}
