package org.outagedesk.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;

/**
 * A sales region: its name is its code (holds, campaigns and subscribers name regions, so it never changes), the
 * time zone its stores default to, and who to escalate to when its stores do not answer (the store e-mails).
 */
@Entity
@Table(name = "region")
public class Region extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "region_seq")
    @SequenceGenerator(name = "region_seq", sequenceName = "region_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String zone;

    @Column(name = "escalation_name", length = 200)
    private @Nullable String escalationName;

    @Column(name = "escalation_email", length = 254)
    private @Nullable String escalationEmail;

    @Version
    private int version;

    protected Region() {
    }

    Region(String name, ZoneId zone, @Nullable String escalationName, @Nullable String escalationEmail) {
        this.name = name;
        this.zone = zone.getId();
        this.escalationName = escalationName;
        this.escalationEmail = escalationEmail;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ZoneId getZone() {
        return ZoneId.of(zone);
    }

    public @Nullable String getEscalationName() {
        return escalationName;
    }

    public @Nullable String getEscalationEmail() {
        return escalationEmail;
    }

    public int getVersion() {
        return version;
    }

    /** Whether the values differ from these (an import that changes nothing is not an update). */
    boolean differsFrom(RegionDetails d) {
        return !zone.equals(d.zone()) || !Objects.equals(escalationName, d.escalationName())
                || !Objects.equals(escalationEmail, d.escalationEmail());
    }

    void update(RegionDetails d) {
        this.zone = d.zone();
        this.escalationName = d.escalationName();
        this.escalationEmail = d.escalationEmail();
    }

    static Region of(RegionDetails d) {
        return new Region(d.name(), ZoneId.of(d.zone()), d.escalationName(), d.escalationEmail());
    }

    public RegionDetails details() {
        return new RegionDetails(name, zone, escalationName, escalationEmail);
    }
}
