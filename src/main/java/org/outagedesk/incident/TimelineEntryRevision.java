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
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;

/**
 * One version of a timeline entry, written when the entry is created, each time it is edited and when it is
 * retracted: who, when, what changed, and the entry's content as it was after that change. Never changed.
 */
@Entity
@Table(name = "timeline_entry_revision")
public class TimelineEntryRevision extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entry_revision_seq")
    @SequenceGenerator(name = "timeline_entry_revision_seq", sequenceName = "timeline_entry_revision_seq",
            allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "entry_id", nullable = false, updatable = false)
    private long entryId;

    @Column(nullable = false, updatable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "entry_type", nullable = false, updatable = false, length = 24)
    private TimelineEntryType type;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 8)
    private Visibility visibility;

    @Column(nullable = false, updatable = false)
    private boolean pinned;

    @Column(name = "body", nullable = false, updatable = false, length = TimelineEntry.MAX_TEXT)
    private String text;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false, length = 64)
    private String changedBy;

    @Column(name = "change_summary", nullable = false, updatable = false, length = 2000)
    private String change;

    protected TimelineEntryRevision() {
    }

    TimelineEntryRevision(TimelineEntry entry, int revision, String change, String changedBy, Instant changedAt) {
        this.entryId = entry.getId();
        this.revision = revision;
        this.type = entry.getType();
        this.occurredAt = entry.getOccurredAt();
        this.visibility = entry.getVisibility();
        this.pinned = entry.isPinned();
        this.text = entry.getText();
        this.change = change.length() > 2000 ? change.substring(0, 1999) + "…" : change;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    /** What a store manager may read of the history: versions that were public or retail instructions. */
    public boolean isRetailReadable() {
        return visibility == Visibility.PUBLIC || type == TimelineEntryType.RETAIL_INSTRUCTION;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public long getEntryId() {
        return entryId;
    }

    public int getRevision() {
        return revision;
    }

    public TimelineEntryType getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public boolean isPinned() {
        return pinned;
    }

    public String getText() {
        return text;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    /** "created", "text; visibility Internal only → Public", "retracted: wrong incident". */
    public String getChange() {
        return change;
    }
}
