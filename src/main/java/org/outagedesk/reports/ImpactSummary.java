package org.outagedesk.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Money;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.StatusOnDay;

/**
 * The key figures of one incident at one moment, as the executive dashboard, the summary API and the executive
 * report show them. Durations are whole seconds so that every client reads them alike; null means "not reached yet".
 *
 * @param asOf                 when the figures were computed
 * @param secondsSinceStart    from the start of the outage to {@code asOf} (or to its resolution once resolved)
 * @param secondsToDetect      from the start to detection
 * @param secondsToResolve     from the start to resolution
 */
public record ImpactSummary(long incidentId, String title, String status, String referenceZone, Instant asOf,
        Instant startedAt, @Nullable Instant detectedAt, @Nullable Instant resolvedAt, long secondsSinceStart,
        @Nullable Long secondsToDetect, @Nullable Long secondsToResolve, Subscribers subscribers, Credits credits,
        Holds holds, long violations) {

    /**
     * Affected subscribers.
     *
     * @param byStatus          every data-loss status, zero included
     * @param contacted         called at least once
     * @param contactedPercent  contacted out of all, in percent with one decimal (0 when nobody is affected)
     * @param byCategory        per data category concerned (a subscriber counts in each of their categories)
     * @param byRegion          per region of the home store, largest first
     * @param bySku             per device SKU, largest first
     * @param byDay             end-of-day counts per status in the incident's reference zone, oldest first
     */
    public record Subscribers(long total, Map<DataLossStatus, Long> byStatus, long contacted,
            BigDecimal contactedPercent, Map<DataCategory, Long> byCategory, Map<String, Long> byRegion,
            Map<String, Long> bySku, List<StatusOnDay> byDay) {
    }

    /**
     * Compensation credits.
     *
     * @param issued    credits paid (including those reversed later): count and amount
     * @param pending   credits waiting for approval
     * @param reversed  reversals: count and amount taken back
     * @param totalCost what subscribers hold now: issued minus reversed
     * @param byReason  per reason code
     */
    public record Credits(Figure issued, Figure pending, Figure reversed, Money totalCost, List<Reason> byReason) {
    }

    public record Figure(long count, Money amount) {
    }

    /** Credits of one reason code: issued (paid, reversals not deducted), pending approval and reversed. */
    public record Reason(String code, String label, Money issued, Money pending, Money reversed) {
    }

    /**
     * Stop-sale holds in force now.
     *
     * @param active              holds active now
     * @param storesOnHold        stores the active holds reach (a store under two holds counts twice)
     * @param acknowledged        of those, acknowledged
     * @param overdue             not acknowledged after the deadline
     * @param compliancePercent   acknowledged out of storesOnHold, whole percent (100 when no store is on hold)
     * @param byRegion            the same per region, alphabetically
     */
    public record Holds(long active, long storesOnHold, long acknowledged, long overdue, int compliancePercent,
            List<RegionAcks> byRegion) {
    }

    /** Stores on hold in a region: acknowledged, still within the deadline, past it. */
    public record RegionAcks(String region, long stores, long acknowledged, long pending, long overdue) {
    }
}
