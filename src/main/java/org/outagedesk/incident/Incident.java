package org.outagedesk.incident;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;

/** A service outage the carrier is responding to. */
@Entity
@Table(name = "incident")
public class Incident extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
    @SequenceGenerator(name = "incident_seq", sequenceName = "incident_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 10000)
    private String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 8)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private IncidentStatus status;

    /** Comma-separated: "data sync,e-mail,web". */
    @Column(name = "affected_services", nullable = false, length = 500)
    private String affectedServices;

    @Column(name = "reference_zone", nullable = false, length = 64)
    private String referenceZone;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "detected_at")
    private @Nullable Instant detectedAt;

    @Column(name = "acknowledged_at")
    private @Nullable Instant acknowledgedAt;

    @Column(name = "mitigated_at")
    private @Nullable Instant mitigatedAt;

    @Column(name = "resolved_at")
    private @Nullable Instant resolvedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Version
    private int version;

    protected Incident() {
    }

    public Incident(String title, String description, Severity severity, List<String> affectedServices,
            ZoneId referenceZone, Instant startedAt, Instant createdAt, String createdBy) {
        this.title = title;
        this.description = description;
        this.severity = severity;
        this.status = IncidentStatus.INVESTIGATING;
        this.affectedServices = String.join(",", affectedServices);
        this.referenceZone = referenceZone.getId();
        this.startedAt = startedAt;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Severity getSeverity() {
        return severity;
    }

    public IncidentStatus getStatus() {
        return status;
    }

    public List<String> getAffectedServices() {
        return affectedServices.isBlank() ? List.of() : Arrays.asList(affectedServices.split(","));
    }

    public ZoneId getReferenceZone() {
        return ZoneId.of(referenceZone);
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public @Nullable Instant getDetectedAt() {
        return detectedAt;
    }

    public @Nullable Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public @Nullable Instant getMitigatedAt() {
        return mitigatedAt;
    }

    public @Nullable Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public int getVersion() {
        return version;
    }

    /**
     * Moves the incident to {@code target} at {@code at} and records the lifecycle time that the move marks: leaving
     * INVESTIGATING acknowledges the incident (when not yet recorded), MONITORING marks it mitigated, RESOLVED
     * resolved; reopening clears the resolution. The caller has checked that the move is allowed.
     */
    void moveTo(IncidentStatus target, Instant at) {
        if (!status.canChangeTo(target)) {
            throw new IllegalStateException(status + " cannot change to " + target);
        }
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
        if (detectedAt == null) {
            detectedAt = at;
        }
        switch (target) {
            case MONITORING -> mitigatedAt = mitigatedAt == null ? at : mitigatedAt;
            case RESOLVED -> {
                mitigatedAt = mitigatedAt == null ? at : mitigatedAt;
                resolvedAt = at;
            }
            case INVESTIGATING, IDENTIFIED -> resolvedAt = null;
        }
        status = target;
    }

    /** Corrects the lifecycle times (entered after the fact, as in a post-incident review). */
    void recordLifecycle(@Nullable Instant detected, @Nullable Instant acknowledged, @Nullable Instant mitigated,
            @Nullable Instant resolved) {
        this.detectedAt = detected;
        this.acknowledgedAt = acknowledged;
        this.mitigatedAt = mitigated;
        this.resolvedAt = status == IncidentStatus.RESOLVED ? resolved : null;
    }

    /** From the start of the outage to its detection; empty until detected. */
    public @Nullable Duration timeToDetect() {
        return detectedAt == null ? null : Duration.between(startedAt, detectedAt);
    }

    /** From the start of the outage to its resolution; empty until resolved. */
    public @Nullable Duration timeToResolve() {
        return resolvedAt == null ? null : Duration.between(startedAt, resolvedAt);
    }
}
