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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;

/** A point of sale: a company store or a third-party retailer, in a region. */
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

    protected Store() {
    }

    public Store(String code, String name, String region, String city, StoreType type) {
        this.code = code;
        this.name = name;
        this.region = region;
        this.city = city;
        this.type = type;
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

    void update(String name, String region, String city, StoreType type) {
        this.name = name;
        this.region = region;
        this.city = city;
        this.type = type;
    }
}
