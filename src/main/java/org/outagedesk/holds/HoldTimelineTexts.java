package org.outagedesk.holds;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.outagedesk.base.ui.Words;

/**
 * The words a hold leaves on its incident's timeline and in the audit trail when it is placed or lifted, with its
 * times in the incident's reference zone. Only texts: {@link HoldService} decides when they are written.
 */
final class HoldTimelineTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a z", Locale.US);

    private HoldTimelineTexts() {
    }

    /** The timeline entry of a hold placed. */
    static String placed(long holdId, HoldSummary hold, ZoneId zone) {
        return "Stop-sale placed (hold #" + holdId + "): " + describe(hold, zone);
    }

    /** The timeline entry of a hold lifted. */
    static String lifted(long holdId, HoldSummary hold, String reason) {
        return "Stop-sale lifted (hold #" + holdId + "): " + hold.coverage() + " in " + channels(hold.channels())
                + " may be sold again. Reason: " + reason;
    }

    /** The audit record of a hold lifted. */
    static String liftedAudit(HoldSummary hold, String reason) {
        return hold.coverage() + " lifted: " + reason;
    }

    /** What a hold stops, where, when and why: the audit record of a hold placed, and its timeline entry's body. */
    static String describe(HoldSummary h, ZoneId zone) {
        return h.coverage() + " may not be sold in " + channels(h.channels()) + " ("
                + h.scope() + ", " + Words.count(h.storeCount(), "store")
                + (h.closedStoresSkipped() == 0 ? "" : "; " + Words.count(h.closedStoresSkipped(), "closed store")
                        + " skipped") + ") from " + format(h.effectiveFrom(), zone)
                + (h.effectiveUntil() == null ? "" : " until " + format(h.effectiveUntil(), zone))
                + ". Stores acknowledge by " + format(h.ackDeadline(), zone) + ". Reason: " + h.reason();
    }

    static String format(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    private static String channels(Collection<SalesChannel> channels) {
        return channels.stream().map(SalesChannel::label).collect(Collectors.joining(", "));
    }
}
