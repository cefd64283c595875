package org.outagedesk.credits.ui;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.ui.ShownTime;

/** Times on the credit screens: in the viewer's zone with the zone named (see ShownTime). */
final class CreditFormat {

    private CreditFormat() {
    }

    static String time(@Nullable Instant at, ZoneId zone) {
        return ShownTime.at(at, zone);
    }
}
