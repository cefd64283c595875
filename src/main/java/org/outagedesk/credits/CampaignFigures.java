package org.outagedesk.credits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.FigureCache;
import org.outagedesk.base.FigureSettings;
import org.outagedesk.base.Money;
import org.outagedesk.base.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A campaign as the screens and the API see it: its tiers with the figures its credits sum to, and the progress of
 * its job. Shared by {@link CampaignService} (creating, deciding, reading) and {@link CampaignJobService} (top-up,
 * reversal, resuming), which both answer with the campaign's details; no role checks here, its callers make them.
 */
@Component
class CampaignFigures {

    private final CampaignRepository campaigns;
    private final CampaignTierRepository tiers;
    private final CampaignSql sql;

    /**
     * Keyed by the campaign and the state of its job: figures kept while a job runs are never served once it has
     * finished (or another job started), so a finished campaign shows what the ledger holds.
     */
    private final FigureCache<FiguresKey> figures;

    private record FiguresKey(long campaign, CampaignStatus status, @Nullable CampaignJob job,
            @Nullable Instant jobStartedAt, @Nullable Instant completedAt) {
    }

    CampaignFigures(CampaignRepository campaigns, CampaignTierRepository tiers, CampaignSql sql,
            FigureSettings figureSettings) {
        this.figures = figureSettings.cache();
        this.campaigns = campaigns;
        this.tiers = tiers;
        this.sql = sql;
    }

    Campaign campaign(long id) {
        return campaigns.findById(id).orElseThrow(() -> new NotFoundException("Campaign", id));
    }

    /**
     * The campaign with its figures per tier. Those sum the campaign's credits; at a million they take seconds, and
     * the campaigns screen asks every 2 s while a campaign runs, so they are kept as FigureCache says.
     */
    CampaignDetails details(Campaign c) {
        long id = c.getId();
        List<CampaignSql.TierFigures> figures = this.figures.get(new FiguresKey(id, c.getStatus(), c.getJob(),
                c.getJobStartedAt(), c.getCompletedAt()), () -> sql.figures(id));
        List<CampaignDetails.Tier> list = new ArrayList<>();
        Money credited = Money.usd("0");
        Money reversed = Money.usd("0");
        for (CampaignTier t : tiers.findByCampaignIdOrderByTierNo(c.getId())) {
            CampaignSql.TierFigures f = figures.stream().filter(x -> x.tierNo() == t.getTierNo()).findFirst()
                    .orElse(new CampaignSql.TierFigures(t.getTierNo(), 0, BigDecimal.ZERO, BigDecimal.ZERO));
            Money tierCredited = Money.usd(f.credited());
            Money tierReversed = Money.usd(f.reversed().negate());
            credited = credited.plus(tierCredited);
            reversed = reversed.plus(tierReversed);
            list.add(new CampaignDetails.Tier(t.getTierNo(), t.getName(), t.getReasonCode(), t.getAmount(),
                    t.getRules(), t.getRules().describe(), t.getTopUps(), f.subscribers(), tierCredited,
                    tierReversed));
        }
        int percent = c.getJobTotal() == 0 ? (c.getJob() == null ? 0 : 100)
                : (int) Math.min(100, c.getJobProcessed() * 100 / c.getJobTotal());
        if (c.getStatus() == CampaignStatus.COMPLETED || c.getStatus() == CampaignStatus.REVERSED) {
            percent = 100;
        }
        return new CampaignDetails(c.getId(), c.getIncidentId(), c.getName(), c.getStatus(), c.getCreatedBy(),
                c.getCreatedAt(), c.getSubmittedAt(), c.getApprovedBy(), c.getApprovedAt(), c.getCompletedAt(),
                c.getReversedBy(), c.getReverseReason(), new CampaignDetails.Progress(c.getJob(),
                        c.getJobProcessed(), c.getJobTotal(), percent, c.getJobStartedAt(), c.getJobError()),
                list, credited, reversed);
    }
}
