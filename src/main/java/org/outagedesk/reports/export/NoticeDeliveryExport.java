package org.outagedesk.reports.export;

import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.notices.NoticeDetails;
import org.outagedesk.notices.NoticeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer notice's delivery report as XLSX: every message with its channel, recipient, status, reason, attempts
 * and times, streamed from the outbox. Incident managers; audited.
 */
@Service
public class NoticeDeliveryExport {


    static final List<Column> COLUMNS = List.of(Column.count("Message"), Column.count("Subscriber"),
            Column.text("Channel", 8), Column.text("To", 28), Column.text("Status", 12), Column.text("Reason", 40),
            Column.count("Attempts"), Column.count("SMS parts"), Column.dateTime("Queued at"),
            Column.dateTime("Not before"), Column.dateTime("Sent at"), Column.dateTime("Done at"));

    private final NoticeService notices;
    private final IncidentService incidents;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;

    NoticeDeliveryExport(NoticeService notices, IncidentService incidents, AuditService audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.notices = notices;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.writeTx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    @IncidentManagersOnly
    public String fileName(long noticeId) {
        NoticeDetails n = notices.get(noticeId);
        Incident incident = incidents.get(n.incidentId());
        return "notice-" + noticeId + "-delivery-" + clock.instant().atZone(incident.getReferenceZone())
                .toLocalDate() + ".xlsx";
    }

    /** Writes the report (the stream is not closed); returns how many messages it holds. */
    @IncidentManagersOnly
    public long write(long noticeId, OutputStream out) {
        NoticeDetails n = notices.get(noticeId);
        Incident incident = incidents.get(n.incidentId());
        writeTx.executeWithoutResult(s -> audit.record("NOTICE_REPORT_EXPORTED", "CustomerNotice", noticeId,
                "Delivery report of notice " + noticeId));
        Long rows = readTx.execute(s -> {
            try (XlsxReport x = new XlsxReport("Delivery report of notice '" + n.name() + "'", n.statusLabel()
                    + "; to " + n.audience(), CurrentActor.username(), clock.instant(),
                    incident.getReferenceZone())) {
                TableWriter t = x.table("Messages", COLUMNS);
                notices.forEachMessage(noticeId, m -> t.row(m.id(), m.subscriberId(), m.channel(), m.to(),
                        m.statusLabel(), m.reason(), m.attempts(), m.smsParts(), m.queuedAt(), m.notBefore(),
                        m.sentAt(), m.doneAt()));
                x.write(out);
                return t.rows();
            }
        });
        return rows == null ? 0 : rows;
    }
}
