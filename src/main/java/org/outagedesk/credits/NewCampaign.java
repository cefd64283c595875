package org.outagedesk.credits;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A campaign as created: its incident, a name and its tiers in order (tier 1 first). */
public record NewCampaign(@Nullable Long incidentId, @Nullable String name, @Nullable List<Tier> tiers) {

    public record Tier(@Nullable String name, @Nullable TierRules rules, @Nullable String reasonCode,
            @Nullable BigDecimal amount) {
    }
}
