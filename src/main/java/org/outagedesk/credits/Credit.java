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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.Money;

/**
 * One entry of the credit ledger: a credit to a subscriber in an incident, or the reversal of one. Campaign credits
 * are inserted set-based (see {@code CampaignSql}); single credits are created here. Amounts never change after
 * creation; a reversal is a new entry.
 */
@Entity
@Table(name = "credit")
public class Credit extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credit_seq")
    @SequenceGenerator(name = "credit_seq", sequenceName = "credit_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "incident_id", nullable = false, updatable = false)
    private long incidentId;
    @Column(name = "subscriber_id", nullable = false, updatable = false)
    private long subscriberId;
    @Column(name = "reason_code", nullable = false, updatable = false, length = 32)
    private String reasonCode;
    @Column(nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal amount;
    @Column(nullable = false, updatable = false, length = 3)
    private String currency;
    @Column(length = 1000, updatable = false)
    private @Nullable String note;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private CreditStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "entry_type", nullable = false, updatable = false, length = 10)
    private CreditEntryType entryType;

    @Column(name = "reverses_id", updatable = false)
    private @Nullable Long reversesId;
    @Column(name = "requested_by", nullable = false, updatable = false, length = 64)
    private String requestedBy;
    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;
    @Column(name = "decided_by", length = 64)
    private @Nullable String decidedBy;
    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;
    @Column(name = "decision_reason", length = 1000)
    private @Nullable String decisionReason;
    @Column(name = "campaign_id", updatable = false)
    private @Nullable Long campaignId;
    @Column(name = "campaign_tier_id", updatable = false)
    private @Nullable Long campaignTierId;
    @Column(name = "tier_round", updatable = false)
    private @Nullable Integer tierRound;

    @Version
    private int version;

    protected Credit() {
    }

    /** A single credit: issued at once when within the requester's limit, otherwise waiting for approval. */
    static Credit request(long incidentId, long subscriberId, String reasonCode, Money amount, @Nullable String note,
            boolean withinLimit, String by, Instant at) {
        Credit c = new Credit();
        c.incidentId = incidentId;
        c.subscriberId = subscriberId;
        c.reasonCode = reasonCode;
        c.amount = amount.amount();
        c.currency = amount.currency().getCurrencyCode();
        c.note = note;
        c.entryType = CreditEntryType.CREDIT;
        c.status = withinLimit ? CreditStatus.ISSUED : CreditStatus.PENDING_APPROVAL;
        c.requestedBy = by;
        c.requestedAt = at;
        if (withinLimit) {
            c.decidedBy = by;
            c.decidedAt = at;
        }
        return c;
    }

    void approve(String by, Instant at) {
        requirePending();
        if (by.equals(requestedBy)) {
            throw DomainException.conflict("You asked for this credit: another incident manager must approve it");
        }
        status = CreditStatus.ISSUED;
        decidedBy = by;
        decidedAt = at;
    }

    void reject(String by, String reason, Instant at) {
        requirePending();
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reason", "Say why the credit is rejected (the requester reads it)");
        }
        if (by.equals(requestedBy)) {
            throw DomainException.conflict("You asked for this credit: another incident manager decides on it");
        }
        status = CreditStatus.REJECTED;
        decidedBy = by;
        decidedAt = at;
        decisionReason = reason.strip();
    }

    /** Marks this credit reversed and returns the compensating entry to save. */
    Credit reverse(String by, String reason, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reason", "Say why the credit is reversed (it stays in the ledger)");
        }
        if (entryType != CreditEntryType.CREDIT) {
            throw DomainException.conflict("Credit " + id + " is itself a reversal");
        }
        if (status != CreditStatus.ISSUED) {
            throw DomainException.conflict("Only an issued credit can be reversed; credit " + id + " is "
                    + status.label().toLowerCase());
        }
        status = CreditStatus.REVERSED;
        Credit r = new Credit();
        r.incidentId = incidentId;
        r.subscriberId = subscriberId;
        r.reasonCode = reasonCode;
        r.amount = amount.negate();
        r.currency = currency;
        r.note = reason.strip();
        r.entryType = CreditEntryType.REVERSAL;
        r.status = CreditStatus.ISSUED;
        r.reversesId = id;
        r.requestedBy = by;
        r.requestedAt = at;
        r.decidedBy = by;
        r.decidedAt = at;
        r.decisionReason = reason.strip();
        r.campaignId = campaignId;
        r.campaignTierId = campaignTierId;
        r.tierRound = tierRound;
        return r;
    }

    private void requirePending() {
        if (status != CreditStatus.PENDING_APPROVAL) {
            throw DomainException.conflict("Credit " + id + " is " + status.label().toLowerCase()
                    + ", not waiting for approval");
        }
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public long getIncidentId() {
        return incidentId;
    }

    public long getSubscriberId() {
        return subscriberId;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public Money getAmount() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public @Nullable String getNote() {
        return note;
    }

    public CreditStatus getStatus() {
        return status;
    }

    public CreditEntryType getEntryType() {
        return entryType;
    }

    public @Nullable Long getReversesId() {
        return reversesId;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public @Nullable String getDecidedBy() {
        return decidedBy;
    }

    public @Nullable Instant getDecidedAt() {
        return decidedAt;
    }

    public @Nullable String getDecisionReason() {
        return decisionReason;
    }

    public @Nullable Long getCampaignId() {
        return campaignId;
    }

    public int getVersion() {
        return version;
    }
}
