package org.outagedesk.catalog;

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
import java.time.ZoneId;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;

/**
 * A point of sale: a company store or a third-party retailer, in a region, with the e-mail and time zone that
 * store e-mails need. A store is never deleted nor its code changed: it is closed, keeping its history, and a
 * closed store receives no new holds and its tills are told it is closed.
 */
@Entity
@Table(name = "store")
public class Store extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "store_seq")
    @SequenceGenerator(name = "store_seq", sequenceName = "store_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 64)
    private String region;

    @Column(nullable = false, length = 100)
    private String city;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "store_type", nullable = false, length = 16)
    private StoreType type;

    @Column(length = 254)
    private @Nullable String email;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String zone;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Column(name = "closed_by", length = 64)
    private @Nullable String closedBy;

    @Version
    private int version;

    protected Store() {
    }

    Store(String code, String name, String region, String city, StoreType type, @Nullable String email,
            ZoneId zone) {
        this.code = code;
        this.name = name;
        this.region = region;
        this.city = city;
        this.type = type;
        this.email = email;
        this.zone = zone.getId();
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }

    public String getCity() {
        return city;
    }

    public StoreType getType() {
        return type;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public ZoneId getZone() {
        return ZoneId.of(zone);
    }

    public @Nullable Instant getClosedAt() {
        return closedAt;
    }

    public @Nullable String getClosedBy() {
        return closedBy;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public int getVersion() {
        return version;
    }

    /** The store as the CSV and the forms give it (closing is not part of it). */
    public StoreDetails details() {
        return new StoreDetails(code, name, region, city, type.name(), email, zone);
    }

    /** Whether these checked values differ from the store's (an import that changes nothing is not an update). */
    boolean differsFrom(StoreDetails d) {
        return !name.equals(d.name()) || !region.equals(d.region()) || !city.equals(d.city())
                || !type.name().equals(d.type()) || !Objects.equals(email, d.email()) || !zone.equals(d.zone());
    }

    /** Takes checked values; the code never changes. */
    void update(StoreDetails d) {
        this.name = d.name();
        this.region = d.region();
        this.city = d.city();
        this.type = StoreType.valueOf(d.type());
        this.email = d.email();
        this.zone = d.zone();
    }

    static Store of(StoreDetails d) {
        return new Store(d.code(), d.name(), d.region(), d.city(), StoreType.valueOf(d.type()), d.email(),
                ZoneId.of(d.zone()));
    }

    void close(String by, Instant at) {
        if (closedAt == null) {
            closedAt = at;
            closedBy = by;
        }
    }
}
