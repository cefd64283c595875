package org.outagedesk.holds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;

/** A store manager's confirmation that their store has seen a hold and will not sell what it covers. */
@Entity
@Table(name = "hold_acknowledgement")
public class HoldAcknowledgement extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hold_acknowledgement_seq")
    @SequenceGenerator(name = "hold_acknowledgement_seq", sequenceName = "hold_acknowledgement_seq",
            allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "hold_id", nullable = false, updatable = false)
    private long holdId;

    @Column(name = "store_code", nullable = false, length = 32, updatable = false)
    private String storeCode;

    @Column(name = "acknowledged_at", nullable = false, updatable = false)
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by", nullable = false, length = 64, updatable = false)
    private String acknowledgedBy;

    protected HoldAcknowledgement() {
    }

    HoldAcknowledgement(long holdId, String storeCode, Instant acknowledgedAt, String acknowledgedBy) {
        this.holdId = holdId;
        this.storeCode = storeCode;
        this.acknowledgedAt = acknowledgedAt;
        this.acknowledgedBy = acknowledgedBy;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public long getHoldId() {
        return holdId;
    }

    public String getStoreCode() {
        return storeCode;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }
}
