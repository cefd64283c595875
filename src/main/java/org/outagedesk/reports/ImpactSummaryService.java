package org.outagedesk.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.FigureCache;
import org.outagedesk.base.FigureSettings;
import org.outagedesk.base.Money;
import org.outagedesk.credits.CreditEntryType;
import org.outagedesk.credits.CreditService;
import org.outagedesk.credits.CreditStatus;
import org.outagedesk.credits.CreditSummary;
import org.outagedesk.credits.ReasonCode;
import org.outagedesk.holds.AcknowledgementProgress;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldStatus;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.SalesService;
import org.outagedesk.holds.ViolationFilter;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactCounts;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The one place that computes an incident's key figures (dashboard, summary API, executive report). Every figure
 * comes from an aggregate query of the feature that owns it; no subscriber, credit or violation row is loaded.
 * Only the incident's active holds are read one by one (an incident has a handful), each with its acknowledgement
 * counts.
 */
@Service
public class ImpactSummaryService {

    static final String READERS = "hasAnyRole('" + AppRoles.EXECUTIVE + "','" + AppRoles.INCIDENT_MANAGER + "')";
    private static final int HOLD_PAGE = 100;

    private final IncidentService incidents;
    private final ImpactService impacts;
    private final CreditService credits;
    private final HoldService holds;
    private final SalesService sales;
    private final Clock clock;
    private final FigureCache<Long> summaries;

    ImpactSummaryService(IncidentService incidents, ImpactService impacts, CreditService credits, HoldService holds,
            SalesService sales, Clock clock, FigureSettings figureSettings) {
        this.summaries = figureSettings.summaryCache();
        this.incidents = incidents;
        this.impacts = impacts;
        this.credits = credits;
        this.holds = holds;
        this.sales = sales;
        this.clock = clock;
    }

    /** The incidents one can choose from, as {@link IncidentService#findAll()} orders them. */
    @PreAuthorize(READERS)
    public List<Incident> incidents() {
        return incidents.findAll();
    }

    /**
     * The figures as of now. Where computing them takes {@code outagedesk.figures.summary-expensive} (500 ms) or more
     * (a million subscribers and credits), the last computation is served for up to a minute and replaced in the
     * background once 5 s old; its {@code asOf} says when it was made.
     */
    @PreAuthorize(READERS)
    public ImpactSummary summarize(long incidentId) {
        Incident incident = incidents.get(incidentId); // not found: refused before any kept figure is served
        return summaries.get(incidentId, () -> compute(incidentId));
    }

    private ImpactSummary compute(long incidentId) {
        Incident incident = incidents.get(incidentId);
        Instant now = clock.instant();
        Instant end = incident.getResolvedAt() != null ? incident.getResolvedAt() : now;
        Duration ttd = incident.timeToDetect();
        Duration ttr = incident.timeToResolve();
        return new ImpactSummary(incidentId, incident.getTitle(), incident.getStatus().name(),
                incident.getReferenceZone().getId(), now, incident.getStartedAt(), incident.getDetectedAt(),
                incident.getResolvedAt(), Math.max(0, Duration.between(incident.getStartedAt(), end).toSeconds()),
                ttd == null ? null : ttd.toSeconds(), ttr == null ? null : ttr.toSeconds(),
                subscribers(incidentId, incident.getReferenceZone()), credits(incidentId), holds(incidentId),
                sales.countViolations(new ViolationFilter(incidentId, null, null, null)));
    }

    private ImpactSummary.Subscribers subscribers(long incidentId, ZoneId zone) {
        ImpactCounts counts = impacts.counts(incidentId, ImpactFilter.all());
        long contacted = impacts.count(incidentId,
                new ImpactFilter(null, null, null, null, null, Boolean.TRUE, null));
        Map<DataLossStatus, Long> byStatus = new EnumMap<>(DataLossStatus.class);
        for (DataLossStatus s : DataLossStatus.values()) {
            byStatus.put(s, counts.byStatus().getOrDefault(s, 0L));
        }
        return new ImpactSummary.Subscribers(counts.total(), byStatus, contacted,
                percent(contacted, counts.total()), counts.byCategory(), impacts.countsByRegion(incidentId),
                impacts.countsBySku(incidentId), impacts.statusByDay(incidentId, zone));
    }

    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private ImpactSummary.Credits credits(long incidentId) {
        CreditSummary summary = credits.summary(incidentId);
        Money zero = Money.usd("0");
        long issuedCount = 0;
        long pendingCount = 0;
        long reversedCount = 0;
        Map<String, Money[]> byReason = new LinkedHashMap<>(); // issued, pending, reversed
        for (CreditSummary.Line l : summary.lines()) {
            Money[] sums = byReason.computeIfAbsent(l.reasonCode(), k -> new Money[] {zero, zero, zero});
            if (l.entryType() == CreditEntryType.REVERSAL) {
                reversedCount += l.count();
                sums[2] = sums[2].plus(l.total().isNegative() ? l.total().negate() : l.total());
            } else if (l.status() == CreditStatus.ISSUED || l.status() == CreditStatus.REVERSED) {
                issuedCount += l.count();
                sums[0] = sums[0].plus(l.total());
            } else if (l.status() == CreditStatus.PENDING_APPROVAL) {
                pendingCount += l.count();
                sums[1] = sums[1].plus(l.total());
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (ReasonCode r : credits.reasonCodes()) {
            labels.put(r.code(), r.label());
        }
        List<ImpactSummary.Reason> reasons = new ArrayList<>();
        byReason.entrySet().stream()
                .filter(e -> !(e.getValue()[0].isZero() && e.getValue()[1].isZero() && e.getValue()[2].isZero()))
                .sorted((a, b) -> b.getValue()[0].compareTo(a.getValue()[0]))
                .forEach(e -> reasons.add(new ImpactSummary.Reason(e.getKey(),
                        labels.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2])));
        return new ImpactSummary.Credits(new ImpactSummary.Figure(issuedCount, summary.issued()),
                new ImpactSummary.Figure(pendingCount, summary.pending()),
                new ImpactSummary.Figure(reversedCount, summary.reversed()), summary.net(), reasons);
    }

    private ImpactSummary.Holds holds(long incidentId) {
        long active = 0;
        long stores = 0;
        long acknowledged = 0;
        long overdue = 0;
        Map<String, long[]> regions = new TreeMap<>(); // stores, acknowledged, pending, overdue
        Pageable page = PageRequest.of(0, HOLD_PAGE);
        while (true) {
            Page<HoldSummary> activeHolds = holds.find(HoldStatus.ACTIVE, incidentId, page);
            for (HoldSummary hold : activeHolds) {
                AcknowledgementProgress progress = holds.progress(hold.id());
                active++;
                stores += progress.stores();
                acknowledged += progress.acknowledged();
                overdue += progress.overdue();
                for (AcknowledgementProgress.RegionProgress r : progress.byRegion()) {
                    long[] sums = regions.computeIfAbsent(r.region(), k -> new long[4]);
                    sums[0] += r.stores();
                    sums[1] += r.acknowledged();
                    sums[2] += r.pending();
                    sums[3] += r.overdue();
                }
            }
            if (!activeHolds.hasNext()) {
                break;
            }
            page = page.next();
        }
        int compliance = stores == 0 ? 100 : (int) (acknowledged * 100 / stores);
        List<ImpactSummary.RegionAcks> byRegion = new ArrayList<>();
        regions.forEach((region, sums) -> byRegion.add(
                new ImpactSummary.RegionAcks(region, sums[0], sums[1], sums[2], sums[3])));
        return new ImpactSummary.Holds(active, stores, acknowledged, overdue, compliance, byRegion);
    }

    /** "3 d 4 h", "5 h 12 min", "40 min": how long, for people. */
    public static String describe(@Nullable Long seconds) {
        if (seconds == null) {
            return "not yet";
        }
        long minutes = seconds / 60;
        long days = minutes / (60 * 24);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + mins + " min";
        }
        return mins + " min";
    }
}
