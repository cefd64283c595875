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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;

/**
 * One dated line of an incident's timeline. Its text is plain text (never markup). It is never deleted: an edit
 * keeps the earlier version as a {@link TimelineEntryRevision}, and a wrong entry is retracted with a reason.
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends AbstractEntity {

    public static final int MAX_TEXT = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entry_seq")
    @SequenceGenerator(name = "timeline_entry_seq", sequenceName = "timeline_entry_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "incident_id", nullable = false, updatable = false)
    private long incidentId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "entry_type", nullable = false, length = 24)
    private TimelineEntryType type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 8)
    private Visibility visibility;

    @Column(nullable = false)
    private boolean pinned;

    @Column(name = "body", nullable = false, length = MAX_TEXT)
    private String text;

    @Column(nullable = false, updatable = false, length = 64)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private @Nullable Instant editedAt;

    @Column(name = "edited_by", length = 64)
    private @Nullable String editedBy;

    @Column(name = "retracted_at")
    private @Nullable Instant retractedAt;

    @Column(name = "retracted_by", length = 64)
    private @Nullable String retractedBy;

    @Column(name = "retraction_reason", length = 1000)
    private @Nullable String retractionReason;

    @Version
    private int version;

    protected TimelineEntry() {
    }

    TimelineEntry(long incidentId, TimelineEntryDraft draft, String author, Instant createdAt) {
        this.incidentId = incidentId;
        this.type = draft.type();
        this.occurredAt = draft.occurredAt();
        this.visibility = draft.visibility();
        this.pinned = draft.pinned();
        this.text = draft.text();
        this.author = author;
        this.createdAt = createdAt;
    }

    /**
     * Applies an edit and says what changed ("text; visibility Internal only → Public"), or returns an empty string
     * when nothing did.
     */
    String edit(TimelineEntryDraft draft, String by, Instant at) {
        List<String> changes = new ArrayList<>();
        if (type != draft.type()) {
            changes.add("type " + type.label() + " → " + draft.type().label());
        }
        if (!occurredAt.equals(draft.occurredAt())) {
            changes.add("time " + utc(occurredAt) + " → " + utc(draft.occurredAt()));
        }
        if (visibility != draft.visibility()) {
            changes.add("visibility " + visibility.label() + " → " + draft.visibility().label());
        }
        if (pinned != draft.pinned()) {
            changes.add(draft.pinned() ? "pinned" : "unpinned");
        }
        if (!text.equals(draft.text())) {
            changes.add("text");
        }
        if (changes.isEmpty()) {
            return "";
        }
        type = draft.type();
        occurredAt = draft.occurredAt();
        visibility = draft.visibility();
        pinned = draft.pinned();
        text = draft.text();
        editedAt = at;
        editedBy = by;
        return String.join("; ", changes);
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter
            .ofPattern("MMM d, yyyy, h:mm a 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    /** A time in stored text, which has no viewer: in UTC, named ("Oct 12, 2009, 7:30 PM UTC"). */
    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    void retract(String reason, String by, Instant at) {
        retractionReason = reason;
        retractedBy = by;
        retractedAt = at;
        pinned = false;
    }

    /** What a store manager may read: public entries and instructions for retail staff. */
    public boolean isRetailReadable() {
        return visibility == Visibility.PUBLIC || type == TimelineEntryType.RETAIL_INSTRUCTION;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public long getIncidentId() {
        return incidentId;
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

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getEditedAt() {
        return editedAt;
    }

    public @Nullable String getEditedBy() {
        return editedBy;
    }

    public boolean isRetracted() {
        return retractedAt != null;
    }

    public @Nullable Instant getRetractedAt() {
        return retractedAt;
    }

    public @Nullable String getRetractedBy() {
        return retractedBy;
    }

    public @Nullable String getRetractionReason() {
        return retractionReason;
    }

    public int getVersion() {
        return version;
    }
}
