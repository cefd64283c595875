package org.outagedesk.incident.ui;

import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.outagedesk.incident.UpdateDue;

/**
 * The incident team's reminder of the update cadence: "Next public update due in 12 min", and once late "Public
 * update overdue by 20 min" in red. Nothing once the incident is resolved.
 */
final class UpdateDueLine {

    private UpdateDueLine() {
    }

    static @Nullable Span of(@Nullable UpdateDue due, Instant now, ZoneId reference, ZoneId viewer) {
        if (due == null) {
            return null;
        }
        Span line = new Span(text(due, now) + " · by " + Times.both(due.dueAt(), reference, viewer)
                + " · every " + Times.duration(due.period()) + " for this severity");
        line.setId("update-due");
        line.addClassNames("text-s", "block", "font-semibold");
        if (due.overdueAt(now)) {
            line.addClassName("text-error");
            line.getElement().setAttribute("data-overdue", "true");
        }
        return line;
    }

    /** "Next public update due in 12 min" (rounded up to the minute) or "Public update overdue by 20 min". */
    static String text(UpdateDue due, Instant now) {
        if (due.overdueAt(now)) {
            return "Public update overdue by " + Times.duration(Duration.between(due.dueAt(), now));
        }
        Duration left = due.remainingAt(now);
        Duration minutes = Duration.ofMinutes((left.toSeconds() + 59) / 60);
        return "Next public update due in " + Times.duration(minutes);
    }
}
