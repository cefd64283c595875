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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Text;
import org.outagedesk.base.AbstractEntity;
import org.outagedesk.base.DomainException;

/** What one incident did to one subscriber's data: a status, the categories concerned, when they were last called. */
@Entity
@Table(name = "impact")
public class Impact extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "impact_seq")
    @SequenceGenerator(name = "impact_seq", sequenceName = "impact_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "incident_id", nullable = false, updatable = false)
    private long incidentId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subscriber_id", nullable = false, updatable = false)
    private Subscriber subscriber;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private DataLossStatus status;

    @Column(name = "cat_contacts", nullable = false)
    private boolean contacts;
    @Column(name = "cat_photos", nullable = false)
    private boolean photos;
    @Column(name = "cat_email", nullable = false)
    private boolean email;
    @Column(name = "cat_sms", nullable = false)
    private boolean sms;
    @Column(name = "cat_calendar", nullable = false)
    private boolean calendar;
    @Column(name = "cat_todo", nullable = false)
    private boolean todo;

    @Column(name = "last_contacted_at")
    private @Nullable Instant lastContactedAt;

    @Column(length = 4000)
    private @Nullable String notes;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Impact() {
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public long getIncidentId() {
        return incidentId;
    }

    public Subscriber getSubscriber() {
        return subscriber;
    }

    public DataLossStatus getStatus() {
        return status;
    }

    public Set<DataCategory> getCategories() {
        EnumSet<DataCategory> set = DataCategory.none();
        if (contacts) set.add(DataCategory.CONTACTS);
        if (photos) set.add(DataCategory.PHOTOS);
        if (email) set.add(DataCategory.EMAIL);
        if (sms) set.add(DataCategory.SMS);
        if (calendar) set.add(DataCategory.CALENDAR);
        if (todo) set.add(DataCategory.TODO);
        return set;
    }

    public @Nullable Instant getLastContactedAt() {
        return lastContactedAt;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getVersion() {
        return version;
    }

    /**
     * Sets a new status and/or categories. A change of status needs a reason and is returned as a history entry to
     * keep; a change of categories alone returns none.
     */
    @Nullable ImpactStatusChange change(DataLossStatus newStatus, @Nullable Set<DataCategory> newCategories,
            String reason, String by, Instant at) {
        ImpactStatusChange change = null;
        if (newStatus != status) {
            if (reason == null || reason.isBlank()) {
                throw new DomainException("reason", "Say why the status changes (it goes into the history)");
            }
            if (Text.length(reason.strip()) > ImpactStatusChange.MAX_REASON) {
                // refused, never cut: a reason cut short can say the opposite of what was meant
                throw new DomainException("reason", "The reason has " + Text.length(reason.strip())
                        + " characters; at most " + ImpactStatusChange.MAX_REASON + " are allowed");
            }
            change = new ImpactStatusChange(this, at, by, status, newStatus, reason.strip());
            status = newStatus;
        }
        if (newCategories != null) {
            contacts = newCategories.contains(DataCategory.CONTACTS);
            photos = newCategories.contains(DataCategory.PHOTOS);
            email = newCategories.contains(DataCategory.EMAIL);
            sms = newCategories.contains(DataCategory.SMS);
            calendar = newCategories.contains(DataCategory.CALENDAR);
            todo = newCategories.contains(DataCategory.TODO);
        }
        updatedAt = at;
        return change;
    }

    ContactLogEntry logContact(String note, String agent, Instant at) {
        if (note == null || note.isBlank()) {
            throw new DomainException("note", "Write what was said or agreed on the call");
        }
        if (Text.length(note.strip()) > 2000) {
            throw new DomainException("note", "Keep the note under 2,000 characters");
        }
        lastContactedAt = at;
        updatedAt = at;
        return new ContactLogEntry(this, at, agent, note.strip());
    }
}
