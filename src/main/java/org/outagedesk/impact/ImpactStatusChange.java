package org.outagedesk.impact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Text;
import org.outagedesk.base.AbstractEntity;

/** One change of an impact's status: never updated, never deleted. The first entry has no "from". */
@Entity
@Table(name = "impact_status_change")
public class ImpactStatusChange extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "impact_status_change_seq")
    @SequenceGenerator(name = "impact_status_change_seq", sequenceName = "impact_status_change_seq",
            allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "impact_id", nullable = false, updatable = false)
    private Impact impact;

    /** The impact's incident, copied (V7) so that the dashboard reads an incident's history without a join. */
    @Column(name = "incident_id", nullable = false, updatable = false)
    private long incidentId;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false, length = 64)
    private String changedBy;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "from_status", updatable = false, length = 16)
    private @Nullable DataLossStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "to_status", nullable = false, updatable = false, length = 16)
    private DataLossStatus toStatus;

    /** Characters (code points) of a reason; longer ones are refused by {@link Impact#change}. */
    static final int MAX_REASON = 1000;

    @Column(nullable = false, updatable = false, length = 2 * MAX_REASON)
    private String reason;

    protected ImpactStatusChange() {
    }

    ImpactStatusChange(Impact impact, Instant changedAt, String changedBy, @Nullable DataLossStatus fromStatus,
            DataLossStatus toStatus, String reason) {
        this.impact = impact;
        this.incidentId = impact.getIncidentId();
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public @Nullable DataLossStatus getFromStatus() {
        return fromStatus;
    }

    public DataLossStatus getToStatus() {
        return toStatus;
    }

    public String getReason() {
        return reason;
    }
}
