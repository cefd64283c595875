package org.outagedesk.credits;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.JobLeases;
import org.outagedesk.base.LeasedJobRunner;
import org.outagedesk.base.Money;
import org.outagedesk.base.SystemActor;
import org.outagedesk.base.ui.Words;
import org.outagedesk.impact.ImpactRows;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs campaign jobs (credit, top-up, reverse) in the background, one batch of impacts per transaction. The cursor
 * and the progress are committed with each batch, so after a stop a job continues where it was. A batch done twice
 * pays nothing twice (the INSERTs skip, and the UNIQUE constraint refuses, what is already there).
 * <p>
 * Several nodes: one node at a time runs a job, under a lease ({@code outagedesk.jobs.lease}) that each batch
 * renews in its own transaction. Every node looks, every third of the lease, for running jobs that no node holds
 * (their node died: the lease lapsed; {@link JobLeases}) and takes them over from the last committed batch; at start-up it also takes
 * those stopped on an error, as a restart always did.
 */
@Component
class CampaignRunner {

    private static final Logger log = LoggerFactory.getLogger(CampaignRunner.class);
    /** The table whose rows carry the jobs' leases, and when a job of it runs (for {@link JobLeases}). */
    private static final String TABLE = "campaign";
    private static final String RUNNING = "status in ('RUNNING', 'REVERSING')";

    private final CampaignRepository campaigns;
    private final CampaignTierRepository tiers;
    private final CampaignSql sql;
    private final ImpactRows impacts;
    private final CreditProperties properties;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JobLeases leases;
    private final LeasedJobRunner jobs;

    CampaignRunner(CampaignRepository campaigns, CampaignTierRepository tiers, CampaignSql sql, ImpactRows impacts,
            CreditProperties properties, AuditService audit, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, JobLeases leases) {
        this.leases = leases;
        this.campaigns = campaigns;
        this.tiers = tiers;
        this.sql = sql;
        this.impacts = impacts;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.jobs = new LeasedJobRunner("campaign", TABLE, leases, log,
                "Campaign {}: no node holds its job; node {} resumes it where it stopped",
                campaignId -> SystemActor.run(() -> runToEnd(campaignId)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        takeOver(true);
        jobs.watch(() -> takeOver(false));
    }

    /** A run under way stops after its batch, not interrupted (see LeasedJobRunner), and goes on at the next start. */
    @PreDestroy
    void stop() {
        jobs.stopWatching();
        jobs.stopRunning(Duration.ofSeconds(30));
    }

    /** Starts here each running job that no node holds; with {@code alsoFailed}, also those stopped on an error. */
    void takeOver(boolean alsoFailed) {
        jobs.takeOver(alsoFailed ? RUNNING : RUNNING + " and job_error is null");
    }

    /** Starts the campaign's job in the background unless it is already running here. */
    void start(long campaignId) {
        jobs.start(campaignId);
    }

    boolean isActive(long campaignId) {
        return jobs.isActive(campaignId);
    }

    /** Runs the job batch by batch on the calling thread until it is done or another node holds it. */
    void runToEnd(long campaignId) {
        try {
            while (Boolean.TRUE.equals(tx.execute(s -> step(campaignId)))) {
                if (jobs.stopping()) {
                    // the application stops: the lease goes now, so that another node (or this one, started
                    // again) goes on from this batch at once; before, the run went on while the database closed
                    // under it and the campaign was marked failed with the pool's error
                    tx.executeWithoutResult(s -> leases.release(TABLE, campaignId));
                    log.info("Campaign {}: stopped with the application; it goes on from its last batch", campaignId);
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.error("Campaign {} stopped on an error; it resumes from its last batch when started again",
                    campaignId, e);
            tx.executeWithoutResult(s -> {
                campaigns.findById(campaignId).ifPresent(c -> c.failed(plainReason(e)));
                leases.release(TABLE, campaignId);
            });
        }
    }

    /**
     * Why a run stopped, as the campaign's screen and API show it to a person: a rule's own words, else what kind of
     * failure it was; never an exception's text (that goes to the log with its trace).
     */
    static String plainReason(RuntimeException e) {
        if (e instanceof DomainException) {
            return e.getMessage();
        }
        return (e instanceof DataAccessException || e instanceof TransactionException
                ? "the database did not answer or refused a write" : "an unexpected error in the application")
                + " (the server log has the details)";
    }

    /**
     * One batch in the caller's transaction, under this node's lease; false when the job is done, there is none, or
     * another node holds it.
     */
    boolean step(long campaignId) {
        if (!leases.hold(TABLE, RUNNING, campaignId)) {
            log.debug("Campaign {}: not running, or another node holds its job", campaignId);
            return false;
        }
        Campaign c = campaigns.findById(campaignId).orElseThrow();
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
        leases.release(TABLE, c.getId());
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
