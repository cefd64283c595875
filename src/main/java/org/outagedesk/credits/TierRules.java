package org.outagedesk.credits;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactSelection;

/**
 * Who a tier credits, as rules over impacts. Each rule that is null (or empty) is absent and matches everyone;
 * {@code categories} matches a subscriber who lost any of them.
 */
public record TierRules(@Nullable Set<DataLossStatus> statuses, @Nullable Set<DataCategory> categories,
        @Nullable Boolean dataPlan, @Nullable Set<String> skus, @Nullable Set<String> regions) {

    public static TierRules all() {
        return new TierRules(null, null, null, null, null);
    }

    /** The same rules as impact selects by them (it owns the columns they read). */
    ImpactSelection.Criteria criteria() {
        return new ImpactSelection.Criteria(statuses, categories, dataPlan, skus, regions);
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        if (statuses != null && !statuses.isEmpty()) {
            parts.add("status " + statuses.stream().sorted().map(DataLossStatus::label)
                    .collect(Collectors.joining(" or ")));
        }
        if (categories != null && !categories.isEmpty()) {
            parts.add("lost " + categories.stream().sorted().map(DataCategory::label)
                    .collect(Collectors.joining(" or ")));
        }
        if (dataPlan != null) {
            parts.add(dataPlan ? "with a data plan" : "without a data plan");
        }
        if (skus != null && !skus.isEmpty()) {
            parts.add("SKU " + String.join("/", new TreeSet<>(skus)));
        }
        if (regions != null && !regions.isEmpty()) {
            parts.add("region " + String.join("/", new TreeSet<>(regions)));
        }
        return parts.isEmpty() ? "every affected subscriber" : String.join(", ", parts);
    }
}
