package org.outagedesk.reports.export;

import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.credits.CreditRecord;
import org.outagedesk.credits.CreditService;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credits ledger of an incident as XLSX: every credit and reversal, oldest first, with campaign and tier,
 * streamed from the database. Incident managers and executives (not agents: see {@link #READERS}); audited.
 */
@Service
public class CreditLedgerExport {

    /**
     * Incident managers and executives. Agents may not: they are refused the list and the totals of credits too,
     * and see one subscriber's credits at a time (docs/decisions/0013-hardening-agents-and-the-ledger.md).
     */
    static final String READERS = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "')";

    static final List<Column> COLUMNS = List.of(Column.count("Credit"), Column.dateTime("Requested at"),
            Column.text("MSISDN", 16), Column.text("Name", 28), Column.text("Reason", 18), Column.text("Entry", 10),
            Column.money("Amount (USD)"), Column.text("Status", 18), Column.count("Reverses"),
            Column.text("Campaign", 28), Column.text("Tier", 20), Column.text("Requested by", 14),
            Column.text("Decided by", 14), Column.dateTime("Decided at"), Column.text("Note", 40),
            Column.text("Decision reason", 40));

    private final CreditService credits;
    private final IncidentService incidents;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;

    CreditLedgerExport(CreditService credits, IncidentService incidents, AuditService audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.credits = credits;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.writeTx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    @PreAuthorize(READERS)
    public String fileName(long incidentId) {
        Incident incident = incidents.get(incidentId);
        return "credits-incident-" + incidentId + "-"
                + clock.instant().atZone(incident.getReferenceZone()).toLocalDate() + ".xlsx";
    }

    /** Writes the ledger (the stream is not closed); returns how many entries it holds. */
    @PreAuthorize(READERS)
    public long write(long incidentId, OutputStream out) {
        Incident incident = incidents.get(incidentId);
        writeTx.executeWithoutResult(s -> audit.record("CREDITS_EXPORTED", "Incident", incidentId,
                "Credits ledger of incident " + incidentId));
        Long rows = readTx.execute(s -> {
            try (XlsxReport x = new XlsxReport("Credits ledger of incident " + incidentId + " '"
                    + incident.getTitle() + "'", "every credit and reversal", CurrentActor.username(),
                    clock.instant(), incident.getReferenceZone())) {
                TableWriter t = x.table("Credits", COLUMNS);
                credits.forEachCredit(incidentId, line -> {
                    CreditRecord c = line.credit();
                    t.row(c.id(), c.requestedAt(), c.msisdn(), c.subscriberName(), c.reasonCode(),
                            c.entryType().name(), c.amount(), c.status().name(), c.reversesId(),
                            line.campaignName(), line.tierName(), c.requestedBy(), c.decidedBy(), c.decidedAt(),
                            c.note(), c.decisionReason());
                });
                x.write(out);
                return t.rows();
            }
        });
        return rows == null ? 0 : rows;
    }
}
