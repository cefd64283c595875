package org.outagedesk.reports.export;

import java.io.OutputStream;
import java.time.Clock;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.TimelineEntry;
import org.outagedesk.incident.TimelineFilter;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.Visibility;
import org.outagedesk.reports.ImpactSummary;
import org.outagedesk.reports.ImpactSummaryService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The executive impact report of an incident as XLSX: the figures of {@link ImpactSummaryService} (the one place
 * they are computed) on a "Summary" sheet with a native chart of subscribers by status, and every timeline entry,
 * internal and retracted ones marked, on a "Timeline" sheet read page by page. Executives and incident managers;
 * audited.
 */
@Service
public class ImpactReportExport {

    static final String READERS = "hasAnyRole('" + AppRoles.EXECUTIVE + "','" + AppRoles.INCIDENT_MANAGER + "')";
    static final String AUDIT_ACTION = "IMPACT_REPORT_EXPORTED";
    private static final int TIMELINE_PAGE = 500;

    private final ImpactSummaryService summaries;
    private final TimelineService timeline;
    private final IncidentService incidents;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;

    ImpactReportExport(ImpactSummaryService summaries, TimelineService timeline, IncidentService incidents,
            AuditService audit, Clock clock, PlatformTransactionManager transactions) {
        this.summaries = summaries;
        this.timeline = timeline;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.writeTx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /** "impact-report-incident-1-2009-10-05.xlsx" (the date in the incident's zone); checks role and incident. */
    @PreAuthorize(READERS)
    public String fileName(long incidentId) {
        Incident incident = incidents.get(incidentId);
        return "impact-report-incident-" + incidentId + "-"
                + clock.instant().atZone(incident.getReferenceZone()).toLocalDate() + ".xlsx";
    }

    /** Writes the report (the stream is not closed); returns how many timeline entries it holds. */
    @PreAuthorize(READERS)
    public long write(long incidentId, OutputStream out) {
        ImpactSummary summary = summaries.summarize(incidentId);
        writeTx.executeWithoutResult(s -> audit.record(AUDIT_ACTION, "Incident", incidentId,
                "Impact report of incident " + incidentId));
        Long rows = readTx.execute(s -> ImpactReportWorkbook.write(summary, CurrentActor.username(),
                clock.instant(), t -> {
                    Pageable page = PageRequest.of(0, TIMELINE_PAGE);
                    while (true) {
                        Page<TimelineEntry> entries = timeline.find(incidentId, TimelineFilter.ALL, page);
                        entries.forEach(e -> t.row(row(e)));
                        if (!entries.hasNext()) {
                            break;
                        }
                        page = page.next();
                    }
                }, out));
        return rows == null ? 0 : rows;
    }

    static Object[] row(TimelineEntry e) {
        boolean internal = e.getVisibility() == Visibility.INTERNAL;
        return new Object[] {e.getOccurredAt(), e.getType().name(), e.getVisibility().name(),
            internal ? "INTERNAL" : "", e.isPinned() ? "yes" : "", e.getText(), e.getAuthor(),
            e.isRetracted() ? "RETRACTED" : "", e.getRetractedAt(), e.getRetractedBy(), e.getRetractionReason(),
            e.getEditedAt(), e.getEditedBy()};
    }
}
