package org.outagedesk.holds.ui;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.ui.ShownTime;

/** Times on the stop-sale screens: always with the zone named (ShownTime), so that Pacific and local are not confused. */
final class HoldTimes {

    private HoldTimes() {
    }

    /** The viewer's zone as their browser reports it. */
    static ZoneId viewer() {
        return ShownTime.viewerZone();
    }

    static String format(@Nullable Instant instant, ZoneId zone) {
        return ShownTime.at(instant, zone);
    }

    /** In the viewer's zone, with the incident's zone beside it when it differs. */
    static String both(@Nullable Instant instant, ZoneId incidentZone) {
        return ShownTime.withIncident(instant, incidentZone);
    }
}
