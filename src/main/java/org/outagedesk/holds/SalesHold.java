package org.outagedesk.holds;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;
import org.outagedesk.base.DomainException;

/**
 * A stop-sale: which SKUs (a list, or a whole device family: SKUs added to the family later are covered too), in
 * which channels, optionally only in some regions or stores, from a time and optionally until a time. Holds are
 * never deleted; lifting records who, when and why.
 */
@Entity
@Table(name = "sales_hold")
public class SalesHold extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_hold_seq")
    @SequenceGenerator(name = "sales_hold_seq", sequenceName = "sales_hold_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "incident_id", nullable = false, updatable = false)
    private long incidentId;

    /** The whole family when set; otherwise the hold covers {@link #skus}. */
    @Column(length = 50, updatable = false)
    private @Nullable String family;

    @ElementCollection
    @CollectionTable(name = "sales_hold_sku", joinColumns = @JoinColumn(name = "hold_id"))
    @Column(name = "sku_code", nullable = false, length = 64)
    @BatchSize(size = 50)
    private Set<String> skus = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "sales_hold_channel", joinColumns = @JoinColumn(name = "hold_id"))
    @Column(name = "channel", nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @BatchSize(size = 50)
    private Set<SalesChannel> channels = EnumSet.noneOf(SalesChannel.class);

    @ElementCollection
    @CollectionTable(name = "sales_hold_region", joinColumns = @JoinColumn(name = "hold_id"))
    @Column(name = "region", nullable = false, length = 64)
    @BatchSize(size = 50)
    private Set<String> regions = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "sales_hold_store", joinColumns = @JoinColumn(name = "hold_id"))
    @Column(name = "store_code", nullable = false, length = 32)
    @BatchSize(size = 50)
    private Set<String> stores = new LinkedHashSet<>();

    @Column(name = "effective_from", nullable = false, updatable = false)
    private Instant effectiveFrom;

    @Column(name = "effective_until", updatable = false)
    private @Nullable Instant effectiveUntil;

    @Column(name = "ack_deadline", nullable = false, updatable = false)
    private Instant ackDeadline;

    @Column(nullable = false, length = 1000, updatable = false)
    private String reason;

    @Column(name = "placed_at", nullable = false, updatable = false)
    private Instant placedAt;

    @Column(name = "placed_by", nullable = false, length = 64, updatable = false)
    private String placedBy;

    @Column(name = "lifted_at")
    private @Nullable Instant liftedAt;

    @Column(name = "lifted_by", length = 64)
    private @Nullable String liftedBy;

    @Column(name = "lift_reason", length = 1000)
    private @Nullable String liftReason;

    @Version
    private int version;

    protected SalesHold() {
    }

    SalesHold(long incidentId, @Nullable String family, Collection<String> skus, Collection<SalesChannel> channels,
            Collection<String> regions, Collection<String> stores, Instant effectiveFrom,
            @Nullable Instant effectiveUntil, Instant ackDeadline, String reason, Instant placedAt, String placedBy) {
        this.incidentId = incidentId;
        this.family = family;
        this.skus.addAll(skus);
        this.channels.addAll(channels);
        this.regions.addAll(regions);
        this.stores.addAll(stores);
        this.effectiveFrom = effectiveFrom;
        this.effectiveUntil = effectiveUntil;
        this.ackDeadline = ackDeadline;
        this.reason = reason;
        this.placedAt = placedAt;
        this.placedBy = placedBy;
    }

    /** What the hold says, for the stop-sale rule ({@link HoldTerms}): the entity decides nothing itself. */
    HoldTerms terms() {
        return HoldTerms.of(this);
    }

    public HoldStatus statusAt(Instant now) {
        return terms().statusAt(now);
    }

    /** No region and no store named: the hold applies in every store of its channels. */
    public boolean isEverywhere() {
        return terms().everywhere();
    }

    void lift(String by, String why, Instant now) {
        HoldStatus status = statusAt(now);
        if (status == HoldStatus.LIFTED || status == HoldStatus.EXPIRED) {
            throw DomainException.conflict("Hold " + id + " is already " + status.name().toLowerCase()
                    + ": there is nothing to lift");
        }
        this.liftedAt = now;
        this.liftedBy = by;
        this.liftReason = why;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public long getIncidentId() {
        return incidentId;
    }

    public @Nullable String getFamily() {
        return family;
    }

    public Set<String> getSkus() {
        return Set.copyOf(skus);
    }

    public Set<SalesChannel> getChannels() {
        return channels.isEmpty() ? EnumSet.noneOf(SalesChannel.class) : EnumSet.copyOf(channels);
    }

    public Set<String> getRegions() {
        return Set.copyOf(regions);
    }

    public Set<String> getStores() {
        return Set.copyOf(stores);
    }

    public Instant getEffectiveFrom() {
        return effectiveFrom;
    }

    public @Nullable Instant getEffectiveUntil() {
        return effectiveUntil;
    }

    public Instant getAckDeadline() {
        return ackDeadline;
    }

    public String getReason() {
        return reason;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public String getPlacedBy() {
        return placedBy;
    }

    public @Nullable Instant getLiftedAt() {
        return liftedAt;
    }

    public @Nullable String getLiftedBy() {
        return liftedBy;
    }

    public @Nullable String getLiftReason() {
        return liftReason;
    }

    public int getVersion() {
        return version;
    }
}
