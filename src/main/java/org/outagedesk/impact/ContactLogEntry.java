package org.outagedesk.impact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;

/** A call or message with the subscriber about this impact, as the agent recorded it. */
@Entity
@Table(name = "contact_log_entry")
public class ContactLogEntry extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_log_entry_seq")
    @SequenceGenerator(name = "contact_log_entry_seq", sequenceName = "contact_log_entry_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "impact_id", nullable = false, updatable = false)
    private Impact impact;

    @Column(name = "contacted_at", nullable = false, updatable = false)
    private Instant contactedAt;

    @Column(nullable = false, updatable = false, length = 64)
    private String agent;

    @Column(nullable = false, updatable = false, length = 2000)
    private String note;

    protected ContactLogEntry() {
    }

    ContactLogEntry(Impact impact, Instant contactedAt, String agent, String note) {
        this.impact = impact;
        this.contactedAt = contactedAt;
        this.agent = agent;
        this.note = note;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public Instant getContactedAt() {
        return contactedAt;
    }

    public String getAgent() {
        return agent;
    }

    public String getNote() {
        return note;
    }
}
