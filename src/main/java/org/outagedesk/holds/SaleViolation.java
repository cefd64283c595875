package org.outagedesk.holds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;

/**
 * A sale made while a hold applied to that SKU at that store. One row per (sale, hold); store, region, SKU and the
 * incident are copied in so that the violations list filters and sorts without joins.
 */
@Entity
@Table(name = "sale_violation")
public class SaleViolation extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sale_violation_seq")
    @SequenceGenerator(name = "sale_violation_seq", sequenceName = "sale_violation_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "sale_id", nullable = false, updatable = false)
    private long saleId;

    @Column(name = "hold_id", nullable = false, updatable = false)
    private long holdId;

    @Column(name = "incident_id", nullable = false, updatable = false)
    private long incidentId;

    @Column(name = "store_code", nullable = false, length = 32, updatable = false)
    private String storeCode;

    @Column(name = "store_name", nullable = false, length = 200, updatable = false)
    private String storeName;

    @Column(nullable = false, length = 64, updatable = false)
    private String region;

    @Column(name = "sku_code", nullable = false, length = 64, updatable = false)
    private String skuCode;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(name = "sold_at", nullable = false, updatable = false)
    private Instant soldAt;

    @Column(name = "hold_reason", nullable = false, length = 1000, updatable = false)
    private String holdReason;

    protected SaleViolation() {
    }

    SaleViolation(Sale sale, SalesHold hold, String storeName, String region) {
        this.saleId = sale.getId();
        this.holdId = hold.getId();
        this.incidentId = hold.getIncidentId();
        this.storeCode = sale.getStoreCode();
        this.storeName = storeName;
        this.region = region;
        this.skuCode = sale.getSkuCode();
        this.quantity = sale.getQuantity();
        this.soldAt = sale.getSoldAt();
        this.holdReason = hold.getReason();
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public long getSaleId() {
        return saleId;
    }

    public long getHoldId() {
        return holdId;
    }

    public long getIncidentId() {
        return incidentId;
    }

    public String getStoreCode() {
        return storeCode;
    }

    public String getStoreName() {
        return storeName;
    }

    public String getRegion() {
        return region;
    }

    public String getSkuCode() {
        return skuCode;
    }

    public int getQuantity() {
        return quantity;
    }

    public Instant getSoldAt() {
        return soldAt;
    }

    public String getHoldReason() {
        return holdReason;
    }
}
