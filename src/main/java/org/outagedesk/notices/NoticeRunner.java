package org.outagedesk.notices;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.BackgroundTimer;
import org.outagedesk.base.JobLeases;
import org.outagedesk.base.LeasedJobRunner;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.impact.AffectedSubscriber;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.Visibility;
import org.outagedesk.outbox.MessageStatus;
import org.outagedesk.outbox.OutboundMessage;
import org.outagedesk.outbox.OutboundMessagesDelivered;
import org.outagedesk.outbox.OutboxService;
import org.outagedesk.outbox.SmppProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts an approved notice's messages into the outbox, one batch of subscribers per transaction with the cursor
 * committed alongside (a restart goes on from there; a batch done twice adds nothing, the outbox's key refuses
 * it), then watches the notice until nothing of it is queued or sending and marks it completed, with a timeline
 * entry of its counts. A delivered notice is logged as a contact with the subscriber.
 */
@Component
class NoticeRunner {

    private static final Logger log = LoggerFactory.getLogger(NoticeRunner.class);
    /** The rows that carry the queueing's lease, and when a notice is being queued (for {@link JobLeases}). */
    private static final String TABLE = "customer_notice";
    private static final String QUEUEING = "status = 'SENDING' and enqueued_at is null";

    private final CustomerNoticeRepository notices;
    private final ImpactService impacts;
    private final OutboxService outbox;
    private final NoticeProperties settings;
    private final SmppProperties smpp;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CatalogService catalog;
    private final TransactionTemplate tx;
    private final BackgroundTimer monitor = new BackgroundTimer("notice-monitor", log);
    private final JobLeases leases;
    private final LeasedJobRunner jobs;

    NoticeRunner(CustomerNoticeRepository notices, ImpactService impacts, OutboxService outbox,
            NoticeProperties settings, SmppProperties smpp, AuditService audit, ApplicationEventPublisher events,
            Clock clock, PlatformTransactionManager transactions, CatalogService catalog, JobLeases leases) {
        this.leases = leases;
        this.catalog = catalog;
        this.notices = notices;
        this.impacts = impacts;
        this.outbox = outbox;
        this.settings = settings;
        this.smpp = smpp;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.jobs = new LeasedJobRunner("notice", TABLE, leases, log,
                "Notice {}: no node is queueing it; node {} goes on where it stopped", this::enqueueOrRelease);
    }

    /**
     * At start, and every third of the lease: the notices being queued that no node holds (never started here, or
     * their node died: the lease lapsed) are queued on from their last batch. Every second: completion.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        takeOver();
        jobs.watch(this::takeOver);
        monitor.start(Duration.ofSeconds(1), Duration.ofSeconds(1), this::completeFinished);
    }

    void takeOver() {
        jobs.takeOver(QUEUEING);
    }

    @PreDestroy
    void stop() {
        jobs.stopWatching();
        monitor.stop();
        jobs.stopRunning(Duration.ofSeconds(30));
    }

    void start(long noticeId) {
        jobs.start(noticeId);
    }

    private void enqueueOrRelease(long noticeId) {
        try {
            SystemActor.run(() -> enqueueAll(noticeId));
        } catch (RuntimeException e) {
            log.error("Notice {} stopped queueing on an error; it goes on from its last batch when started again",
                    noticeId, e);
            releaseQuietly(noticeId);
        }
    }

    void enqueueAll(long noticeId) {
        long started = System.nanoTime();
        long[] phases = new long[5]; // read, opt-outs, render, insert; [4] the whole transactions
        int batches = 0;
        // one for the whole run: each store's and region's zone is read once, not once per batch
        SubscriberZones zones = new SubscriberZones(catalog, settings.defaultZoneId());
        while (true) {
            long t = System.nanoTime();
            Boolean more = tx.execute(s -> enqueueBatch(noticeId, zones, phases));
            phases[4] += System.nanoTime() - t;
            if (!Boolean.TRUE.equals(more)) {
                break;
            }
            batches++;
            if (jobs.stopping()) {
                // the application stops: the lease goes now, so that another node (or this one, started again)
                // goes on from this batch at once instead of a lease later
                releaseQuietly(noticeId);
                log.info("Notice {}: queueing stopped with the application after {} batches; it goes on from there",
                        noticeId, batches);
                return;
            }
        }
        // where a notice's queueing spends its time (the benchmark's notices path reads this line)
        log.info("Notice {}: queueing ran {} batches in {} ms: read {} ms, opt-outs {} ms, render {} ms, insert {} ms,"
                + " transactions {} ms", noticeId, batches, (System.nanoTime() - started) / 1_000_000,
                phases[0] / 1_000_000, phases[1] / 1_000_000, phases[2] / 1_000_000, phases[3] / 1_000_000,
                phases[4] / 1_000_000);
    }

    /**
     * One batch of subscribers in the caller's transaction; false when all are queued (or it stopped). The time of
     * each step is added to {@code phases} (nanoseconds: read, opt-outs, render, insert).
     */
    boolean enqueueBatch(long noticeId, SubscriberZones zones, long[] phases) {
        // this node's lease first: it is not being queued (any more), or another node holds it
        if (!leases.hold(TABLE, QUEUEING, noticeId)) {
            return false;
        }
        CustomerNotice n = notices.findById(noticeId).orElseThrow();
        Instant now = clock.instant();
        long t0 = System.nanoTime();
        List<AffectedSubscriber> batch = impacts.affectedAfter(n.getIncidentId(), n.filter(), n.getEnqueueCursor(),
                settings.batchSize());
        long t1 = System.nanoTime();
        phases[0] += t1 - t0;
        if (batch.isEmpty()) {
            n.enqueued(now);
            leases.release(TABLE, noticeId);
            return false;
        }
        NoticeComposer composer = new NoticeComposer(n, settings, smpp.maxParts(), zones);
        Set<String> optedOut = outbox.optedOut(batch.stream().map(AffectedSubscriber::msisdn).toList());
        long t2 = System.nanoTime();
        phases[1] += t2 - t1;
        List<OutboundMessage> messages = new ArrayList<>(batch.size() * 2);
        for (AffectedSubscriber s : batch) {
            messages.addAll(composer.messages(s, optedOut.contains(s.msisdn()), now));
        }
        long t3 = System.nanoTime();
        phases[2] += t3 - t2;
        outbox.enqueue(messages);
        phases[3] += System.nanoTime() - t3;
        n.enqueuedUpTo(batch.getLast().subscriberId());
        return true;
    }

    private void releaseQuietly(long noticeId) {
        try {
            tx.executeWithoutResult(s -> leases.release(TABLE, noticeId));
        } catch (RuntimeException e) {
            log.warn("Notice {}: could not give up the lease; it lapses by itself", noticeId, e);
        }
    }

    /** Notices all queued with nothing left queued or sending are completed, with a timeline entry. */
    void completeFinished() {
        List<Long> ids = tx.execute(s -> notices.findByStatusOrderById(NoticeStatus.SENDING).stream()
                .filter(n -> n.getEnqueuedAt() != null).map(CustomerNotice::getId).toList());
        for (Long id : ids == null ? List.<Long>of() : ids) {
            tx.executeWithoutResult(s -> {
                CustomerNotice n = notices.findById(id).orElseThrow();
                if (n.getStatus() != NoticeStatus.SENDING || outbox.anyUnsent(n.eventKey())) {
                    return;
                }
                Map<MessageStatus, Long> counts = outbox.counts(n.eventKey());
                Instant now = clock.instant();
                n.complete(now);
                String text = "Customer notice '" + n.getName() + "' finished sending: "
                        + NoticeService.describe(counts);
                audit.record("NOTICE_COMPLETED", "CustomerNotice", id, text);
                events.publishEvent(new ResponseActionTaken(n.getIncidentId(), TimelineEntryType.CUSTOMER_NOTICE,
                        now, Visibility.INTERNAL, text, n.getDecidedBy() == null ? n.getCreatedBy()
                                : n.getDecidedBy()));
            });
        }
    }

    /**
     * Delivered notices count as contacts with their subscribers, at the time of the delivery, in the transaction that
     * hands the deliveries over (seconds after the receipts, see outbox.DeliveredMessages).
     */
    @EventListener
    void delivered(OutboundMessagesDelivered event) {
        if (!NoticeComposer.KIND.equals(event.kind()) || event.subscriberIds().isEmpty()) {
            return;
        }
        long noticeId = Long.parseLong(event.eventKey().substring("NOTICE:".length()));
        notices.findById(noticeId).ifPresent(n -> SystemActor.run(() -> impacts.logDeliveredMessages(
                n.getIncidentId(), event.subscriberIds(), "Customer notice '" + n.getName() + "' delivered by "
                        + event.channel().label().toLowerCase(Locale.ROOT), "notice", event.at())));
    }
}
