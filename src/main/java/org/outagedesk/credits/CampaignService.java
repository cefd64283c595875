package org.outagedesk.credits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.ApprovalRequested;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.Money;
import org.outagedesk.base.ui.Words;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.impact.ImpactRows;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit campaigns: create with tiers, dry run (writes nothing), submit, approval by a second incident manager which
 * starts the run in the background, rejection; and reading them with their figures ({@link CampaignFigures}).
 * Incident managers run campaigns; executives read them. The jobs of an approved campaign (top-up of a tier,
 * reversal of the whole campaign, resuming) are {@link CampaignJobService}'s; the methods for them here hand the
 * call there, so the screens and the API keep one service to ask.
 */
@Service
@Transactional(readOnly = true)
public class CampaignService {

    static final String READ = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "')";

    private static final int MAX_TIERS = 10;

    private final CampaignRepository campaigns;
    private final CampaignTierRepository tiers;
    private final CampaignSql sql;
    private final ImpactRows impacts;
    private final CampaignFigures figures;
    private final CampaignJobService jobs;
    private final CreditService credits;
    private final CreditProperties properties;
    private final IncidentService incidents;
    private final CatalogService catalog;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, CampaignTierRepository tiers, CampaignSql sql, ImpactRows impacts,
            CampaignFigures figures, CampaignJobService jobs, CreditService credits, CreditProperties properties,
            IncidentService incidents, CatalogService catalog, AuditService audit, ApplicationEventPublisher events,
            Clock clock) {
        this.campaigns = campaigns;
        this.tiers = tiers;
        this.sql = sql;
        this.impacts = impacts;
        this.figures = figures;
        this.jobs = jobs;
        this.credits = credits;
        this.properties = properties;
        this.incidents = incidents;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    @IncidentManagersOnly
    public CampaignDetails create(NewCampaign request) {
        if (request.incidentId() == null) {
            throw new DomainException("incidentId", "Choose the incident the campaign is for");
        }
        incidents.get(request.incidentId());
        if (request.name() == null || request.name().isBlank()) {
            throw new DomainException("name", "Give the campaign a name");
        }
        if (request.name().strip().length() > 200) {
            throw new DomainException("name", "Keep the name under 200 characters");
        }
        if (request.tiers() == null || request.tiers().isEmpty()) {
            throw new DomainException("tiers", "Add at least one tier");
        }
        if (request.tiers().size() > MAX_TIERS) {
            throw new DomainException("tiers", "A campaign has at most " + MAX_TIERS + " tiers");
        }
        List<ValidTier> valid = new ArrayList<>();
        for (int k = 0; k < request.tiers().size(); k++) {
            valid.add(validate(request.tiers().get(k), "tiers[" + k + "]"));
        }
        Campaign campaign = campaigns.saveAndFlush(new Campaign(request.incidentId(), request.name().strip(),
                CurrentActor.username(), clock.instant()));
        for (int k = 0; k < valid.size(); k++) {
            ValidTier t = valid.get(k);
            tiers.save(new CampaignTier(campaign.getId(), k + 1, t.name(), t.reasonCode(), t.amount(), t.rules()));
        }
        tiers.flush();
        audit.record("CAMPAIGN_CREATED", "Campaign", campaign.getId(), campaign.getName() + ": "
                + Words.count(valid.size(), "tier") + " in incident " + campaign.getIncidentId());
        return figures.details(campaign);
    }

    private record ValidTier(String name, TierRules rules, String reasonCode, Money amount) {
    }

    private ValidTier validate(NewCampaign.Tier tier, String at) {
        if (tier == null) {
            throw new DomainException(at, "A tier is empty");
        }
        if (tier.name() == null || tier.name().isBlank()) {
            throw new DomainException(at + ".name", "Give tier " + at + " a name");
        }
        ReasonCode reason;
        try {
            reason = credits.reason(tier.reasonCode());
        } catch (DomainException e) {
            throw new DomainException(at + ".reasonCode", e.getMessage());
        }
        Money amount;
        try {
            amount = CreditService.amount(tier.amount(), reason);
        } catch (DomainException e) {
            throw new DomainException(at + ".amount", e.getMessage());
        }
        if (amount.isZero()) {
            throw new DomainException(at + ".amount", "A campaign tier must credit more than $0.00");
        }
        if (amount.isGreaterThan(properties.cap())) {
            throw new DomainException(at + ".amount", "A tier may credit at most " + properties.cap()
                    + ", the cap per subscriber in an incident");
        }
        TierRules rules = tier.rules() == null ? TierRules.all() : tier.rules();
        if (rules.skus() != null) {
            for (String sku : rules.skus()) {
                if (catalog.findSku(sku).isEmpty()) {
                    throw new DomainException(at + ".rules.skus", "'" + sku + "' is not a SKU of the catalog");
                }
            }
        }
        if (rules.regions() != null && !rules.regions().isEmpty()) {
            Set<String> known = new HashSet<>(catalog.regions());
            for (String region : rules.regions()) {
                if (!known.contains(region)) {
                    throw new DomainException(at + ".rules.regions", "'" + region + "' is not a region; use one of "
                            + catalog.regions());
                }
            }
        }
        return new ValidTier(tier.name().strip(), rules, reason.code(), amount);
    }

    /** What the campaign would pay if it ran now; nothing is written. */
    @IncidentManagersOnly
    public CampaignDryRun dryRun(long id) {
        Campaign campaign = figures.campaign(id);
        List<CampaignTier> list = tiers.findByCampaignIdOrderByTierNo(id);
        int n = list.size();
        BigDecimal cap = properties.cap().amount();
        BigDecimal[] amounts = list.stream().map(t -> t.getAmount().amount()).toArray(BigDecimal[]::new);
        long[] counts = new long[n];
        long[] capped = new long[n];
        BigDecimal[] totals = new BigDecimal[n];
        Arrays.fill(totals, BigDecimal.ZERO);
        AtomicLong subscribers = new AtomicLong();
        AtomicLong cappedSubscribers = new AtomicLong();
        sql.dryRun(campaign.getIncidentId(), list, (net, matches) -> {
            BigDecimal room = cap.subtract(net);
            boolean credited = false;
            boolean hit = false;
            for (int k = 0; k < n; k++) {
                if (!matches[k]) {
                    continue;
                }
                BigDecimal pay = amounts[k].min(room.max(BigDecimal.ZERO));
                if (pay.compareTo(amounts[k]) < 0) {
                    capped[k]++;
                    hit = true;
                }
                if (pay.signum() > 0) {
                    counts[k]++;
                    totals[k] = totals[k].add(pay);
                    room = room.subtract(pay);
                    credited = true;
                }
            }
            if (credited) {
                subscribers.incrementAndGet();
            }
            if (hit) {
                cappedSubscribers.incrementAndGet();
            }
        });
        List<CampaignDryRun.Tier> result = new ArrayList<>();
        Money grand = Money.usd("0");
        for (int k = 0; k < n; k++) {
            CampaignTier t = list.get(k);
            result.add(new CampaignDryRun.Tier(t.getTierNo(), t.getName(), t.getReasonCode(), t.getAmount(), counts[k],
                    Money.usd(totals[k]), capped[k]));
            grand = grand.plus(Money.usd(totals[k]));
        }
        return new CampaignDryRun(id, result, subscribers.get(), cappedSubscribers.get(), grand);
    }

    @Transactional
    @IncidentManagersOnly
    public CampaignDetails submit(long id) {
        Campaign campaign = figures.campaign(id);
        campaign.submit(clock.instant());
        audit.record("CAMPAIGN_SUBMITTED", "Campaign", id, campaign.getName());
        campaigns.flush();
        String by = CurrentActor.username();
        events.publishEvent(new ApprovalRequested("campaign", id, campaign.getIncidentId(),
                "Credit campaign '" + campaign.getName() + "'", by,
                List.of(by, campaign.getCreatedBy()), "campaigns"));
        return figures.details(campaign);
    }

    /** Approves a submitted campaign (not by its author) and starts it in the background once committed. */
    @Transactional
    @IncidentManagersOnly
    public CampaignDetails approve(long id) {
        Campaign campaign = figures.campaign(id);
        Instant now = clock.instant();
        String by = CurrentActor.username();
        campaign.approve(by, now, impacts.count(campaign.getIncidentId()));
        String text = "Credit campaign '" + campaign.getName() + "' (created by " + campaign.getCreatedBy()
                + ") approved by " + by + ": " + describeTiers(id) + ". It runs now.";
        audit.record("CAMPAIGN_APPROVED", "Campaign", id, text);
        events.publishEvent(new ResponseActionTaken(campaign.getIncidentId(), TimelineEntryType.CREDIT_DECISION, now,
                Visibility.INTERNAL, text, by));
        campaigns.flush();
        jobs.startAfterCommit(id);
        return figures.details(campaign);
    }

    @Transactional
    @IncidentManagersOnly
    public CampaignDetails reject(long id, @Nullable String reason) {
        Campaign campaign = figures.campaign(id);
        Instant now = clock.instant();
        campaign.reject(CurrentActor.username(), reason, now);
        String text = "Credit campaign '" + campaign.getName() + "' rejected by " + CurrentActor.username() + ": "
                + reason;
        audit.record("CAMPAIGN_REJECTED", "Campaign", id, text);
        events.publishEvent(new ResponseActionTaken(campaign.getIncidentId(), TimelineEntryType.CREDIT_DECISION, now,
                Visibility.INTERNAL, text, CurrentActor.username()));
        campaigns.flush();
        return figures.details(campaign);
    }

    /**
     * Raises a tier's amount after the campaign ran; the difference is credited, in the background, to the
     * subscribers the tier already credited (and whose credit stands), within the cap.
     */
    @Transactional
    @IncidentManagersOnly
    public CampaignDetails topUp(long id, int tierNo, @Nullable BigDecimal newAmount) {
        return jobs.topUp(id, tierNo, newAmount);
    }

    /** Reverses every standing credit of the campaign with compensating entries, in the background. */
    @Transactional
    @IncidentManagersOnly
    public CampaignDetails reverse(long id, @Nullable String reason) {
        return jobs.reverse(id, reason);
    }

    /** Starts (again) a campaign's unfinished job, for example after it stopped on an error. */
    @Transactional
    @IncidentManagersOnly
    public CampaignDetails resume(long id) {
        return jobs.resume(id);
    }

    @PreAuthorize(READ)
    public CampaignDetails get(long id) {
        return figures.details(figures.campaign(id));
    }

    @PreAuthorize(READ)
    public List<CampaignDetails> ofIncident(@Nullable Long incidentId) {
        if (incidentId == null) {
            // a handful per incident and a few incidents a year: a short list, not a page
            return campaigns.findAllByOrderByIdDesc().stream().map(figures::details).toList();
        }
        incidents.get(incidentId);
        return campaigns.findByIncidentIdOrderByIdDesc(incidentId).stream().map(figures::details).toList();
    }

    private String describeTiers(long id) {
        return String.join("; ", tiers.findByCampaignIdOrderByTierNo(id).stream().map(t -> "tier " + t.getTierNo()
                + " " + t.getName() + ", " + Words.money(t.getAmount()) + " (" + Words.plain(t.getReasonCode())
                + ") to " + t.getRules().describe()).toList());
    }

}
