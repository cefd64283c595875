package org.outagedesk.notices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;
import org.outagedesk.base.DomainException;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactFilter;

/**
 * A notice to the affected subscribers of an incident: who (the subscriber list's filter), how (channels), what
 * (templates), and where it is (status). Its messages live in the outbox under the event key "NOTICE:id".
 */
@Entity
@Table(name = "customer_notice")
public class CustomerNotice extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_notice_seq")
    @SequenceGenerator(name = "customer_notice_seq", sequenceName = "customer_notice_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "incident_id", nullable = false, updatable = false)
    private long incidentId;
    @Column(nullable = false, length = 200)
    private String name;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private NoticeStatus status;
    @Column(name = "f_statuses", length = 200)
    private @Nullable String filterStatuses;
    @Column(name = "f_category", length = 16)
    private @Nullable String filterCategory;
    @Column(name = "f_sku", length = 64)
    private @Nullable String filterSku;
    @Column(name = "f_region", length = 64)
    private @Nullable String filterRegion;
    @Column(name = "f_store", length = 32)
    private @Nullable String filterStore;
    @Column(name = "f_contacted")
    private @Nullable Boolean filterContacted;
    @Column(name = "f_q", length = 100)
    private @Nullable String filterQ;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private NoticeChannels channels;
    @Column(name = "sms_template", length = 1000)
    private @Nullable String smsTemplate;
    @Column(name = "email_subject", length = 200)
    private @Nullable String emailSubject;
    @Column(name = "email_body", length = 4000)
    private @Nullable String emailBody;
    @Column(nullable = false)
    private boolean urgent;
    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;
    @Column(name = "decided_by", length = 64)
    private @Nullable String decidedBy;
    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;
    @Column(name = "reject_reason", length = 1000)
    private @Nullable String rejectReason;
    @Column(name = "enqueue_cursor")
    private @Nullable Long enqueueCursor;
    @Column(name = "enqueued_at")
    private @Nullable Instant enqueuedAt;
    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;
    @Version
    private int version;

    protected CustomerNotice() {
    }

    CustomerNotice(long incidentId, String name, ImpactFilter filter, NoticeChannels channels,
            @Nullable String smsTemplate, @Nullable String emailSubject, @Nullable String emailBody, boolean urgent,
            String by, Instant at) {
        this.incidentId = incidentId;
        this.name = name;
        this.status = NoticeStatus.DRAFT;
        setFilter(filter);
        this.channels = channels;
        this.smsTemplate = smsTemplate;
        this.emailSubject = emailSubject;
        this.emailBody = emailBody;
        this.urgent = urgent;
        this.createdBy = by;
        this.createdAt = at;
    }

    private void setFilter(ImpactFilter f) {
        filterStatuses = f.statuses() == null || f.statuses().isEmpty() ? null
                : String.join(",", f.statuses().stream().sorted().map(Enum::name).toList());
        filterCategory = f.category() == null ? null : f.category().name();
        filterSku = blankToNull(f.sku());
        filterRegion = blankToNull(f.region());
        filterStore = blankToNull(f.store());
        filterContacted = f.contacted();
        filterQ = blankToNull(f.q());
    }

    public ImpactFilter filter() {
        Set<DataLossStatus> statuses = EnumSet.noneOf(DataLossStatus.class);
        if (filterStatuses != null) {
            for (String s : filterStatuses.split(",")) {
                statuses.add(DataLossStatus.valueOf(s));
            }
        }
        return new ImpactFilter(statuses, filterCategory == null ? null : DataCategory.valueOf(filterCategory),
                filterSku, filterRegion, filterStore, filterContacted, filterQ);
    }

    String eventKey() {
        return eventKey(id);
    }

    static String eventKey(@Nullable Long id) {
        return "NOTICE:" + id;
    }

    void submit(Instant at) {
        require(NoticeStatus.DRAFT, "submitted");
        status = NoticeStatus.SUBMITTED;
        submittedAt = at;
    }

    void approve(String by, Instant at) {
        require(NoticeStatus.SUBMITTED, "approved");
        if (by.equals(createdBy)) {
            throw DomainException.conflict("You composed this notice: a second incident manager must approve it");
        }
        decidedBy = by;
        decidedAt = at;
        status = NoticeStatus.SENDING;
        enqueueCursor = 0L;
    }

    void reject(String by, @Nullable String reason, Instant at) {
        require(NoticeStatus.SUBMITTED, "rejected");
        if (by.equals(createdBy)) {
            throw DomainException.conflict("You composed this notice: a second incident manager decides on it");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reason", "Say why the notice is rejected");
        }
        decidedBy = by;
        decidedAt = at;
        rejectReason = reason.strip().length() > 1000 ? reason.strip().substring(0, 1000) : reason.strip();
        status = NoticeStatus.REJECTED;
    }

    void pause() {
        require(NoticeStatus.SENDING, "paused");
        status = NoticeStatus.PAUSED;
    }

    void resume() {
        require(NoticeStatus.PAUSED, "resumed");
        status = NoticeStatus.SENDING;
    }

    void cancel(Instant at) {
        if (status != NoticeStatus.SENDING && status != NoticeStatus.PAUSED) {
            throw DomainException.conflict("Notice '" + name + "' is " + status.label().toLowerCase()
                    + ": only a notice that is sending or paused can be cancelled");
        }
        status = NoticeStatus.CANCELLED;
        finishedAt = at;
    }

    void resendFailed() {
        if (status != NoticeStatus.COMPLETED && status != NoticeStatus.SENDING && status != NoticeStatus.PAUSED) {
            throw DomainException.conflict("Notice '" + name + "' is " + status.label().toLowerCase()
                    + ": failed messages are resent from a notice that was sent");
        }
        status = NoticeStatus.SENDING;
        finishedAt = null;
    }

    void enqueuedUpTo(long subscriberId) {
        enqueueCursor = subscriberId;
    }

    void enqueued(Instant at) {
        enqueuedAt = at;
    }

    void complete(Instant at) {
        status = NoticeStatus.COMPLETED;
        finishedAt = at;
    }

    private void require(NoticeStatus expected, String verb) {
        if (status != expected) {
            throw DomainException.conflict("Notice '" + name + "' is " + status.label().toLowerCase() + ": only a"
                    + " notice that is " + expected.label().toLowerCase() + " can be " + verb);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public long getIncidentId() {
        return incidentId;
    }

    public String getName() {
        return name;
    }

    public NoticeStatus getStatus() {
        return status;
    }

    public NoticeChannels getChannels() {
        return channels;
    }

    public @Nullable String getSmsTemplate() {
        return smsTemplate;
    }

    public @Nullable String getEmailSubject() {
        return emailSubject;
    }

    public @Nullable String getEmailBody() {
        return emailBody;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getSubmittedAt() {
        return submittedAt;
    }

    public @Nullable String getDecidedBy() {
        return decidedBy;
    }

    public @Nullable Instant getDecidedAt() {
        return decidedAt;
    }

    public @Nullable String getRejectReason() {
        return rejectReason;
    }

    public long getEnqueueCursor() {
        return enqueueCursor == null ? 0 : enqueueCursor;
    }

    public @Nullable Instant getEnqueuedAt() {
        return enqueuedAt;
    }

    public @Nullable Instant getFinishedAt() {
        return finishedAt;
    }
}
