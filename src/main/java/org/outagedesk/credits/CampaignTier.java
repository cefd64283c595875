package org.outagedesk.credits;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;
import org.outagedesk.base.Money;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;

/** One tier of a campaign: its rules, reason code and amount; {@code topUps} counts how often the amount was raised. */
@Entity
@Table(name = "campaign_tier")
public class CampaignTier extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_tier_seq")
    @SequenceGenerator(name = "campaign_tier_seq", sequenceName = "campaign_tier_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private long campaignId;
    @Column(name = "tier_no", nullable = false, updatable = false)
    private int tierNo;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(name = "reason_code", nullable = false, length = 32)
    private String reasonCode;
    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(length = 200)
    private @Nullable String statuses;
    @Column(length = 200)
    private @Nullable String categories;
    @Column(name = "data_plan")
    private @Nullable Boolean dataPlan;
    @Column(length = 4000)
    private @Nullable String skus;
    @Column(length = 4000)
    private @Nullable String regions;
    @Column(name = "top_ups", nullable = false)
    private int topUps;

    protected CampaignTier() {
    }

    CampaignTier(long campaignId, int tierNo, String name, String reasonCode, Money amount, TierRules rules) {
        this.campaignId = campaignId;
        this.tierNo = tierNo;
        this.name = name;
        this.reasonCode = reasonCode;
        this.amount = amount.amount();
        this.currency = amount.currency().getCurrencyCode();
        this.statuses = join(rules.statuses() == null ? null : rules.statuses().stream().map(Enum::name).toList());
        this.categories = join(rules.categories() == null ? null
                : rules.categories().stream().map(Enum::name).toList());
        this.dataPlan = rules.dataPlan();
        this.skus = join(rules.skus());
        this.regions = join(rules.regions());
    }

    /** Raises the amount and returns the top-up round (1 for the first top-up). */
    int topUp(Money newAmount) {
        amount = newAmount.amount();
        return ++topUps;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public long getCampaignId() {
        return campaignId;
    }

    public int getTierNo() {
        return tierNo;
    }

    public String getName() {
        return name;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public Money getAmount() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public int getTopUps() {
        return topUps;
    }

    public TierRules getRules() {
        return new TierRules(
                statuses == null ? null : split(statuses).stream().map(DataLossStatus::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataLossStatus.class))),
                categories == null ? null : split(categories).stream().map(DataCategory::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataCategory.class))),
                dataPlan, skus == null ? null : split(skus), regions == null ? null : split(regions));
    }

    private static @Nullable String join(java.util.@Nullable Collection<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static Set<String> split(String joined) {
        return Arrays.stream(joined.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
