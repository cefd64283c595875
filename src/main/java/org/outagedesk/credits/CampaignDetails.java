package org.outagedesk.credits;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Money;

/** A campaign with its tiers, what each has paid so far, and the progress of its background job. */
public record CampaignDetails(long id, long incidentId, String name, CampaignStatus status, String createdBy,
        Instant createdAt, @Nullable Instant submittedAt, @Nullable String approvedBy, @Nullable Instant approvedAt,
        @Nullable Instant completedAt, @Nullable String reversedBy, @Nullable String reason, Progress progress,
        List<Tier> tiers, Money credited, Money reversed) {

    public record Tier(int tierNo, String name, String reasonCode, Money amount, TierRules rules, String describe,
            int topUps, long subscribers, Money credited, Money reversed) {
    }

    /** The background job: which, how many impacts it has gone through of how many, and its last error. */
    public record Progress(@Nullable CampaignJob job, long processed, long total, int percent,
            @Nullable Instant startedAt, @Nullable String error) {
    }
}
