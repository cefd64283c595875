package org.outagedesk.credits;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;
import org.outagedesk.base.DomainException;

/** A campaign crediting many subscribers of an incident, in tiers; its status and its background job. */
@Entity
@Table(name = "campaign")
public class Campaign extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_seq")
    @SequenceGenerator(name = "campaign_seq", sequenceName = "campaign_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "incident_id", nullable = false, updatable = false)
    private long incidentId;
    @Column(nullable = false, length = 200)
    private String name;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private CampaignStatus status;
    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;
    @Column(name = "approved_by", length = 64)
    private @Nullable String approvedBy;
    @Column(name = "approved_at")
    private @Nullable Instant approvedAt;
    @Column(name = "completed_at")
    private @Nullable Instant completedAt;
    @Column(name = "reversed_by", length = 64)
    private @Nullable String reversedBy;
    @Column(name = "reverse_reason", length = 1000)
    private @Nullable String reverseReason;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 16)
    private @Nullable CampaignJob job;
    @Column(name = "job_tier")
    private @Nullable Integer jobTier;
    @Column(name = "job_round")
    private @Nullable Integer jobRound;
    @Column(name = "job_cursor")
    private @Nullable Long jobCursor;
    @Column(name = "job_processed", nullable = false)
    private long jobProcessed;
    @Column(name = "job_total", nullable = false)
    private long jobTotal;
    @Column(name = "job_started_at")
    private @Nullable Instant jobStartedAt;
    @Column(name = "job_error", length = 2000)
    private @Nullable String jobError;
    @Version
    private int version;

    protected Campaign() {
    }

    Campaign(long incidentId, String name, String by, Instant at) {
        this.incidentId = incidentId;
        this.name = name;
        this.status = CampaignStatus.DRAFT;
        this.createdBy = by;
        this.createdAt = at;
    }

    void submit(Instant at) {
        require(CampaignStatus.DRAFT, "submitted");
        status = CampaignStatus.SUBMITTED;
        submittedAt = at;
    }

    void approve(String by, Instant at, long impacts) {
        require(CampaignStatus.SUBMITTED, "approved");
        if (by.equals(createdBy)) {
            throw DomainException.conflict("You created this campaign: a second incident manager must approve it");
        }
        approvedBy = by;
        approvedAt = at;
        startJob(CampaignJob.RUN, null, null, impacts, at);
        status = CampaignStatus.RUNNING;
    }

    void reject(String by, String reason, Instant at) {
        require(CampaignStatus.SUBMITTED, "rejected");
        if (by.equals(createdBy)) {
            throw DomainException.conflict("You created this campaign: a second incident manager decides on it");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reason", "Say why the campaign is rejected");
        }
        approvedBy = by;
        approvedAt = at;
        reverseReason = reason.strip();
        status = CampaignStatus.REJECTED;
    }

    void startTopUp(int tierNo, int round, long impacts, Instant at) {
        require(CampaignStatus.COMPLETED, "topped up");
        startJob(CampaignJob.TOP_UP, tierNo, round, impacts, at);
        status = CampaignStatus.RUNNING;
    }

    void startReverse(String by, String reason, long impacts, Instant at) {
        require(CampaignStatus.COMPLETED, "reversed");
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reason", "Say why the campaign is reversed (it stays in the ledger)");
        }
        reversedBy = by;
        reverseReason = reason.strip();
        startJob(CampaignJob.REVERSE, null, null, impacts, at);
        status = CampaignStatus.REVERSING;
    }

    void progress(long cursor, long processed) {
        jobCursor = cursor;
        jobProcessed += processed;
    }

    void finish(Instant at) {
        status = job == CampaignJob.REVERSE ? CampaignStatus.REVERSED : CampaignStatus.COMPLETED;
        completedAt = at;
        jobError = null;
    }

    void failed(String error) {
        jobError = error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    private void startJob(CampaignJob job, @Nullable Integer tier, @Nullable Integer round, long impacts,
            Instant at) {
        this.job = job;
        this.jobTier = tier;
        this.jobRound = round;
        this.jobCursor = 0L;
        this.jobProcessed = 0;
        this.jobTotal = impacts;
        this.jobStartedAt = at;
        this.jobError = null;
    }

    private void require(CampaignStatus expected, String verb) {
        if (status != expected) {
            throw DomainException.conflict("Campaign '" + name + "' is " + status + ": only a " + expected
                    + " campaign can be " + verb);
        }
    }

    boolean isJobRunning() {
        return status == CampaignStatus.RUNNING || status == CampaignStatus.REVERSING;
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

    public CampaignStatus getStatus() {
        return status;
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

    public @Nullable String getApprovedBy() {
        return approvedBy;
    }

    public @Nullable Instant getApprovedAt() {
        return approvedAt;
    }

    public @Nullable Instant getCompletedAt() {
        return completedAt;
    }

    public @Nullable String getReversedBy() {
        return reversedBy;
    }

    public @Nullable String getReverseReason() {
        return reverseReason;
    }

    public @Nullable CampaignJob getJob() {
        return job;
    }

    public @Nullable Integer getJobTier() {
        return jobTier;
    }

    public @Nullable Integer getJobRound() {
        return jobRound;
    }

    public long getJobCursor() {
        return jobCursor == null ? 0 : jobCursor;
    }

    public long getJobProcessed() {
        return jobProcessed;
    }

    public long getJobTotal() {
        return jobTotal;
    }

    public @Nullable Instant getJobStartedAt() {
        return jobStartedAt;
    }

    public @Nullable String getJobError() {
        return jobError;
    }
}
