package org.outagedesk.credits;

import java.util.List;
import org.outagedesk.base.Money;

/**
 * What a campaign would pay now, computed without writing anything: per tier the subscribers credited, the total
 * and how many hit the per-subscriber cap (credited less than the tier amount, or nothing); then the distinct
 * subscribers and the grand total.
 */
public record CampaignDryRun(long campaignId, List<Tier> tiers, long subscribers, long cappedSubscribers,
        Money grandTotal) {

    public record Tier(int tierNo, String name, String reasonCode, Money amount, long subscribers, Money total,
            long capped) {
    }
}
