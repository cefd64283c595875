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

/** A sale reported by a till (one call) or from a store's daily sales file. */
@Entity
@Table(name = "sale")
public class Sale extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sale_seq")
    @SequenceGenerator(name = "sale_seq", sequenceName = "sale_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "store_code", nullable = false, length = 32, updatable = false)
    private String storeCode;

    @Column(name = "sku_code", nullable = false, length = 64, updatable = false)
    private String skuCode;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(name = "sold_at", nullable = false, updatable = false)
    private Instant soldAt;

    @Column(name = "reported_at", nullable = false, updatable = false)
    private Instant reportedAt;

    @Column(name = "reported_by", nullable = false, length = 64, updatable = false)
    private String reportedBy;

    protected Sale() {
    }

    Sale(String storeCode, String skuCode, int quantity, Instant soldAt, Instant reportedAt, String reportedBy) {
        this.storeCode = storeCode;
        this.skuCode = skuCode;
        this.quantity = quantity;
        this.soldAt = soldAt;
        this.reportedAt = reportedAt;
        this.reportedBy = reportedBy;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public String getStoreCode() {
        return storeCode;
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

    public Instant getReportedAt() {
        return reportedAt;
    }

    public String getReportedBy() {
        return reportedBy;
    }
}
