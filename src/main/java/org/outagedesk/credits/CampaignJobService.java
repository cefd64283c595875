package org.outagedesk.credits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.Money;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.ui.Words;
import org.outagedesk.impact.ImpactRows;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The background jobs of a campaign that has been approved: a top-up of a tier, the reversal of the whole campaign,
 * resuming a job that stopped; each is recorded here and handed to {@link CampaignRunner} once its transaction
 * commits (so is the first run, which {@link CampaignService#approve} starts). Incident managers only. The screens
 * and the API reach these through {@link CampaignService}, which hands the calls here.
 */
@Service
@Transactional(readOnly = true)
public class CampaignJobService {

    private final CampaignRepository campaigns;
    private final CampaignTierRepository tiers;
    private final CampaignSql sql;
    private final ImpactRows impacts;
    private final CampaignFigures figures;
    private final CampaignRunner runner;
    private final CreditService credits;
    private final CreditProperties properties;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignJobService(CampaignRepository campaigns, CampaignTierRepository tiers, CampaignSql sql, ImpactRows impacts,
            CampaignFigures figures, CampaignRunner runner, CreditService credits, CreditProperties properties,
            AuditService audit, ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.tiers = tiers;
        this.sql = sql;
        this.impacts = impacts;
        this.figures = figures;
        this.runner = runner;
        this.credits = credits;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Raises a tier's amount after the campaign ran; the difference is credited, in the background, to the
     * subscribers the tier already credited (and whose credit stands), within the cap.
     */
    @Transactional
    @IncidentManagersOnly
    public CampaignDetails topUp(long id, int tierNo, @Nullable BigDecimal newAmount) {
        Campaign campaign = figures.campaign(id);
        CampaignTier tier = tiers.findByCampaignIdOrderByTierNo(id).stream().filter(t -> t.getTierNo() == tierNo)
                .findFirst().orElseThrow(() -> new NotFoundException("Tier", tierNo + " of campaign " + id));
        ReasonCode reason = credits.reason(tier.getReasonCode());
        Money amount = CreditService.amount(newAmount, reason);
        if (!amount.isGreaterThan(tier.getAmount())) {
            throw new DomainException("amount", "A top-up raises the amount: tier " + tierNo + " already credits "
                    + tier.getAmount());
        }
        if (amount.isGreaterThan(properties.cap())) {
            throw new DomainException("amount", "A tier may credit at most " + properties.cap());
        }
        Money before = tier.getAmount();
        Instant now = clock.instant();
        int round = tier.topUp(amount);
        campaign.startTopUp(tierNo, round, impacts.count(campaign.getIncidentId()), now);
        String text = "Credit campaign '" + campaign.getName() + "': tier " + tierNo + " (" + tier.getName()
                + ") topped up from " + Words.money(before) + " to " + Words.money(amount) + " by " + CurrentActor.username()
                + "; the difference is credited to those already credited.";
        audit.record("CAMPAIGN_TOPPED_UP", "Campaign", id, text);
        events.publishEvent(new ResponseActionTaken(campaign.getIncidentId(), TimelineEntryType.CREDIT_DECISION, now,
                Visibility.INTERNAL, text, CurrentActor.username()));
        campaigns.flush();
        startAfterCommit(id);
        return figures.details(campaign);
    }

    /** Reverses every standing credit of the campaign with compensating entries, in the background. */
    @Transactional
    @IncidentManagersOnly
    public CampaignDetails reverse(long id, @Nullable String reason) {
        Campaign campaign = figures.campaign(id);
        Instant now = clock.instant();
        campaign.startReverse(CurrentActor.username(), reason, sql.countStanding(id), now);
        audit.record("CAMPAIGN_REVERSE_STARTED", "Campaign", id, campaign.getName() + ": " + reason);
        campaigns.flush();
        startAfterCommit(id);
        return figures.details(campaign);
    }

    /** Starts (again) a campaign's unfinished job, for example after it stopped on an error. */
    @Transactional
    @IncidentManagersOnly
    public CampaignDetails resume(long id) {
        Campaign campaign = figures.campaign(id);
        if (!campaign.isJobRunning()) {
            throw DomainException.conflict("Campaign '" + campaign.getName() + "' is " + campaign.getStatus()
                    + ": it has no job to resume");
        }
        startAfterCommit(id);
        return figures.details(campaign);
    }

    /**
     * Starts the campaign's job in the background once the caller's transaction commits (the runner reads what it
     * committed); {@link CampaignService#approve} starts the first run this way.
     */
    void startAfterCommit(long id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                runner.start(id);
            }
        });
    }
}
