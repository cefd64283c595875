package org.outagedesk.reports.export;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactRow;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The affected-subscribers export: exactly the list's filter, streamed from the database into XLSX or CSV, never a
 * list in memory. Agents, incident managers and executives (those who see the list). The audit trail records who
 * exported which incident with which filter, before the file is written, so that an interrupted download of
 * personal data is on record too.
 */
@Service
public class ImpactExport {

    static final String READERS = "hasAnyRole('" + AppRoles.AGENT + "','" + AppRoles.INCIDENT_MANAGER + "','"
            + AppRoles.EXECUTIVE + "')";

    static final List<Column> COLUMNS = List.of(Column.text("MSISDN", 16), Column.text("Account", 14),
            Column.text("Name", 28), Column.text("SKU", 14), Column.text("Store", 14), Column.text("Region", 14),
            Column.text("Status", 14), Column.text("Categories", 34), Column.dateTime("Last contacted"),
            Column.money("Credits total (USD)"));

    private final ImpactService impacts;
    private final IncidentService incidents;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;

    ImpactExport(ImpactService impacts, IncidentService incidents, AuditService audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.impacts = impacts;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.writeTx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /** The download's file name: "affected-subscribers-incident-1-2009-10-05.xlsx" (date in the incident's zone). */
    @PreAuthorize(READERS)
    public String fileName(long incidentId, ExportFormat format) {
        Incident incident = incidents.get(incidentId);
        return "affected-subscribers-incident-" + incidentId + "-"
                + clock.instant().atZone(incident.getReferenceZone()).toLocalDate() + "." + format.extension();
    }

    /** Writes the export to {@code out} (not closed); returns how many subscribers it holds. */
    @PreAuthorize(READERS)
    public long write(long incidentId, ImpactFilter filter, ExportFormat format, OutputStream out) {
        Incident incident = incidents.get(incidentId);
        String described = filter.describe();
        writeTx.executeWithoutResult(s -> audit.record("IMPACTS_EXPORTED", "Incident", incidentId,
                format + " of affected subscribers, filter: " + described));
        ZoneId zone = incident.getReferenceZone();
        Instant now = clock.instant();
        Long rows = readTx.execute(s -> {
            if (format == ExportFormat.CSV) {
                try (CsvTable csv = new CsvTable(out, COLUMNS, zone)) {
                    impacts.forEachImpact(incidentId, filter, e -> csv.row(values(e.row(), e.creditsNet())));
                    return csv.rows();
                }
            }
            try (XlsxReport x = new XlsxReport("Affected subscribers of incident " + incidentId + " '"
                    + incident.getTitle() + "'", described, CurrentActor.username(), now, zone)) {
                TableWriter t = x.table("Affected subscribers", COLUMNS);
                impacts.forEachImpact(incidentId, filter, e -> t.row(values(e.row(), e.creditsNet())));
                x.write(out);
                return t.rows();
            }
        });
        return rows == null ? 0 : rows;
    }

    private static Object[] values(ImpactRow r, Object credits) {
        return new Object[] {r.msisdn(), r.account(), r.name(), r.sku(), r.store(), r.region(), r.status().name(),
                r.categories().stream().sorted().map(DataCategory::name).collect(Collectors.joining(", ")),
                r.lastContactedAt(), credits};
    }
}
