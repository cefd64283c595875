package org.outagedesk.credits;

/** What a campaign's background job does: credit the tiers, top up one tier, or reverse everything. */
public enum CampaignJob {
    RUN, TOP_UP, REVERSE
}
