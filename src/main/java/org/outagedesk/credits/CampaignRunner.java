package org.outagedesk.credits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.Money;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.ImpactRows;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.Visibility;
import org.outagedesk.base.ui.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs campaign jobs (credit, top-up, reverse) in the background, one batch of impacts per transaction. The cursor
 * and the progress are committed with each batch, so after a stop a job continues where it was; a campaign found
 * RUNNING or REVERSING at start-up is resumed. A batch done twice pays nothing twice (the INSERTs skip, and the
 * UNIQUE constraint refuses, what is already there).
 */
@Component
class CampaignRunner {

    private static final Logger log = LoggerFactory.getLogger(CampaignRunner.class);

    private final CampaignRepository campaigns;
    private final CampaignTierRepository tiers;
    private final CampaignSql sql;
    private final ImpactRows impacts;
    private final CreditProperties properties;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "campaign-runner");
        t.setDaemon(true);
        return t;
    });
    private final Set<Long> active = ConcurrentHashMap.newKeySet();

    CampaignRunner(CampaignRepository campaigns, CampaignTierRepository tiers, CampaignSql sql, ImpactRows impacts,
            CreditProperties properties, AuditService audit, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions) {
        this.campaigns = campaigns;
        this.tiers = tiers;
        this.sql = sql;
        this.impacts = impacts;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        List<Long> unfinished = tx.execute(s -> campaigns.findUnfinished().stream().map(Campaign::getId).toList());
        for (Long id : unfinished) {
            log.info("Resuming campaign {} where it stopped", id);
            start(id);
        }
    }

    /** Starts the campaign's job in the background unless it is already running here. */
    void start(long campaignId) {
        if (active.add(campaignId)) {
            executor.submit(() -> {
                try {
                    SystemActor.run(() -> runToEnd(campaignId));
                } finally {
                    active.remove(campaignId);
                }
            });
        }
    }

    boolean isActive(long campaignId) {
        return active.contains(campaignId);
    }

    /** Runs the job batch by batch on the calling thread until it is done. */
    void runToEnd(long campaignId) {
        try {
            while (Boolean.TRUE.equals(tx.execute(s -> step(campaignId)))) {
                // next batch
            }
        } catch (RuntimeException e) {
            log.error("Campaign {} stopped on an error; it resumes from its last batch when started again",
                    campaignId, e);
            tx.executeWithoutResult(s -> campaigns.findById(campaignId).ifPresent(c -> c.failed(
                    e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
    }

    /** One batch in the caller's transaction; false when the job is done (or there is none). */
    boolean step(long campaignId) {
        Campaign c = campaigns.findById(campaignId).orElseThrow();
        if (!c.isJobRunning()) {
            return false;
        }
        Instant now = clock.instant();
        long from = c.getJobCursor();
        if (c.getJob() == CampaignJob.REVERSE) {
            // walks the campaign's credits, not the impacts, and locks no impact: single credits never wait on it
            Long last = sql.nextCreditBatchEnd(campaignId, from, properties.batchSize());
            if (last == null) {
                finish(c, now);
                return false;
            }
            c.progress(last, sql.reverseBatch(c, c.getReversedBy(), c.getReverseReason(), from, last, now));
            return true;
        }
        Long end = impacts.nextBatchEnd(c.getIncidentId(), from, properties.batchSize());
        if (end == null) {
            finish(c, now);
            return false;
        }
        int locked = impacts.lockBatch(c.getIncidentId(), from, end);
        BigDecimal cap = properties.cap().amount();
        switch (c.getJob()) {
            case RUN -> {
                for (CampaignTier t : tiers.findByCampaignIdOrderByTierNo(campaignId)) {
                    sql.creditTier(c, t, cap, from, end, now);
                }
            }
            case TOP_UP -> {
                CampaignTier t = tier(campaignId, c.getJobTier());
                sql.topUpTier(c, t, c.getJobRound(), cap, from, end, now);
            }
            case REVERSE -> throw new IllegalStateException("reversals walk credits (above)");
            case null -> throw new IllegalStateException("Campaign " + campaignId + " has no job");
        }
        c.progress(end, locked);
        return true;
    }

    private void finish(Campaign c, Instant now) {
        CampaignJob job = c.getJob();
        c.finish(now);
        List<CampaignSql.TierFigures> figures = sql.figures(c.getId());
        long subscribers = figures.stream().mapToLong(CampaignSql.TierFigures::subscribers).sum();
        BigDecimal credited = figures.stream().map(CampaignSql.TierFigures::credited).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal reversed = figures.stream().map(CampaignSql.TierFigures::reversed).reduce(BigDecimal.ZERO,
                BigDecimal::add).negate();
        String text = switch (job) {
            case RUN -> "Credit campaign '" + c.getName() + "' completed: "
                    + Words.count(subscribers, "tier credit") + ", " + Words.money(credited, Money.USD)
                    + " credited.";
            case TOP_UP -> "Credit campaign '" + c.getName() + "': top-up of tier " + c.getJobTier()
                    + " completed; the campaign has now credited " + Words.money(credited, Money.USD) + ".";
            case REVERSE -> "Credit campaign '" + c.getName() + "' reversed by " + c.getReversedBy() + ": "
                    + Words.money(reversed, Money.USD) + " taken back. Reason: " + c.getReverseReason();
            case null -> "Credit campaign '" + c.getName() + "' finished.";
        };
        audit.record("CAMPAIGN_" + job + "_COMPLETED", "Campaign", c.getId(), text);
        events.publishEvent(new ResponseActionTaken(c.getIncidentId(), TimelineEntryType.CREDIT_DECISION, now,
                Visibility.INTERNAL, text, c.getApprovedBy() == null ? c.getCreatedBy() : c.getApprovedBy()));
    }

    private CampaignTier tier(long campaignId, Integer tierNo) {
        return tiers.findByCampaignIdOrderByTierNo(campaignId).stream().filter(t -> t.getTierNo() == tierNo)
                .findFirst().orElseThrow();
    }
}
