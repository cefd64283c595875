package org.outagedesk.impact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;
import org.outagedesk.base.Msisdn;

/**
 * A customer line. Subscribers arrive by import (bulk SQL, see {@code ImpactImporter}); this entity serves reading
 * one at a time. SKU and store are kept by code, the region is copied from the home store when imported.
 */
@Entity
@Table(name = "subscriber")
public class Subscriber extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subscriber_seq")
    @SequenceGenerator(name = "subscriber_seq", sequenceName = "subscriber_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 16)
    private String msisdn;

    @Column(name = "account_number", nullable = false, length = 32)
    private String accountNumber;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "sku_code", nullable = false, length = 64)
    private String skuCode;

    @Column(name = "store_code", nullable = false, length = 32)
    private String storeCode;

    @Column(nullable = false, length = 64)
    private String region;

    @Column(name = "data_plan", nullable = false)
    private boolean dataPlan;

    @Column(name = "last_sync_at")
    private @Nullable Instant lastSyncAt;

    @Version
    private int version;

    /** Optional; from the import's email column (V50). */
    @Column(length = 254)
    private @Nullable String email;

    protected Subscriber() {
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public Msisdn getMsisdn() {
        return new Msisdn(msisdn);
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public String getName() {
        return name;
    }

    public String getSkuCode() {
        return skuCode;
    }

    public String getStoreCode() {
        return storeCode;
    }

    public String getRegion() {
        return region;
    }

    public boolean hasDataPlan() {
        return dataPlan;
    }

    public @Nullable Instant getLastSyncAt() {
        return lastSyncAt;
    }

    public @Nullable String getEmail() {
        return email;
    }
}
