package org.outagedesk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;

/** One line of the audit trail: who did what to which record, when. Append-only: never updated, never deleted. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends AbstractEntity {

    static final int MAX_SUMMARY = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Column(name = "entity_type", nullable = false, updatable = false, length = 64)
    private String entityType;

    @Column(name = "entity_id", updatable = false, length = 64)
    private @Nullable String entityId;

    @Column(nullable = false, updatable = false, length = MAX_SUMMARY)
    private String summary;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, String action, String entityType, @Nullable String entityId,
            String summary) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.summary = summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public @Nullable String getEntityId() {
        return entityId;
    }

    public String getSummary() {
        return summary;
    }
}
