package org.outagedesk.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AfterCommit;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.Msisdn;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as other features use it: put messages in (idempotently), read their progress, hold, release, cancel or
 * resend an event's messages, and the SMS opt-out list. The features that own the messages (notices) check who may
 * do what before they call the event operations; the opt-out list checks its own roles.
 */
@Service
@Transactional(readOnly = true)
public class OutboxService {

    static final String OPT_OUT_READ = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.AGENT + "')";

    private final OutboxStore store;
    private final OutboxHolds holds;
    private final ChannelStates channels;
    private final OptOuts optOuts;
    private final MessageSearch search;
    private final SendRates rates;
    private final OutboxDispatcher dispatcher;
    private final CancelledEvents cancelled;
    private final OutboxResends resends;
    private final ResentEvents resent;
    private final InboundMessages inbound;
    private final AuditService audit;
    private final Clock clock;

    OutboxService(OutboxStore store, OutboxHolds holds, ChannelStates channels, OptOuts optOuts, MessageSearch search,
            SendRates rates, OutboxDispatcher dispatcher, CancelledEvents cancelled, OutboxResends resends,
            ResentEvents resent, InboundMessages inbound, AuditService audit, Clock clock) {
        this.store = store;
        this.holds = holds;
        this.channels = channels;
        this.optOuts = optOuts;
        this.search = search;
        this.rates = rates;
        this.dispatcher = dispatcher;
        this.cancelled = cancelled;
        this.resends = resends;
        this.resent = resent;
        this.inbound = inbound;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds the messages not already in the outbox (same event, recipient and channel) in the caller's transaction;
     * the dispatchers are woken once it commits. Returns how many were new.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(List<OutboundMessage> messages) {
        int n = store.enqueue(messages, clock.instant());
        wakeAfterCommit();
        return n;
    }

    /** Of these recipients (at most a few thousand), those that already have a message of the event. */
    public Set<String> recipientsAlreadyIn(String eventKey, Collection<String> recipientKeys) {
        return store.recipientsOf(eventKey, recipientKeys);
    }

    /** Of these numbers, those that must not be texted. */
    public Set<String> optedOut(Collection<String> msisdns) {
        return new HashSet<>(optOuts.optedOutAmong(msisdns));
    }

    public Map<MessageStatus, Long> counts(String eventKey) {
        return store.counts(eventKey);
    }

    /**
     * Whether a message of the event is still queued or sending, or still to be queued again (a resend under way):
     * two index probes and a key, where {@link #counts} reads every row's index entry (a million of them, every
     * second, took a third of a core while the notice was sending).
     */
    public boolean anyUnsent(String eventKey) {
        return store.any(eventKey, MessageStatus.QUEUED) || store.any(eventKey, MessageStatus.SENDING)
                || resends.pending(eventKey);
    }

    public Map<Channel, Map<MessageStatus, Long>> countsByChannel(String eventKey) {
        return store.countsByChannel(eventKey);
    }

    /** Messages per second the event sent over the last minute, from the database (every node agrees). */
    public double sendRate(String eventKey) {
        return rates.perSecond(eventKey, clock.instant());
    }

    public List<OutboxMessage> messages(String eventKey, @Nullable MessageStatus status, long offset, int limit) {
        return store.page(eventKey, status, offset, Math.min(Math.max(limit, 1), 500));
    }

    public long count(String eventKey, @Nullable MessageStatus status) {
        return store.count(eventKey, status);
    }

    /** Every message of the event, streamed in the caller's (read-only) transaction: for reports of any size. */
    public void forEachMessage(String eventKey, Consumer<OutboxMessage> each) {
        store.forEach(eventKey, each);
    }

    /** A subscriber's messages of one kind, newest first. */
    public List<OutboxMessage> ofSubscriber(long subscriberId, String kind, int limit) {
        return store.ofSubscriber(subscriberId, kind, Math.min(limit, 200));
    }

    public List<ChannelHealth> channels() {
        return channels.all();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void pause(String eventKey) {
        holds.pause(eventKey, clock.instant());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void resume(String eventKey) {
        holds.unpause(eventKey);
        wakeAfterCommit();
    }

    /**
     * Nothing more of the event is sent from this commit on; what is still queued is skipped as cancelled in the
     * background, a batch at a time (see {@link CancelledEvents}); what was sent stays sent. The event's queued
     * messages are those that will not be sent; until they are skipped they are counted as queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancel(String eventKey) {
        holds.cancel(eventKey, clock.instant());
        resends.drop(eventKey);
        AfterCommit.run(cancelled::wake);
    }

    /**
     * Failed and expired messages are to be sent again (their rows: nobody gets a second copy of what arrived); those
     * in doubt, which may have reached their recipient, only when {@code includeInDoubt}. They are queued again in the
     * background from this commit on, a batch at a time (see {@link ResentEvents}); until then the event is not
     * finished ({@link #anyUnsent}). Returns how many will be sent again, and how many in doubt are left.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ResendRequested resendFailed(String eventKey, boolean includeInDoubt) {
        ResendRequested n = resends.request(eventKey, clock.instant(), includeInDoubt);
        AfterCommit.run(resent::wake);
        return n;
    }

    /** Whether messages of the event are still being queued again after "resend the failed ones". */
    public boolean resending(String eventKey) {
        return resends.pending(eventKey);
    }

    /** How many failed messages of the event are in doubt (claimed or unanswered when a node stopped). */
    public long inDoubt(String eventKey) {
        return store.inDoubt(eventKey);
    }

    /**
     * Every outbound message (notices, store and team e-mails), newest first, filtered by incident, kind, recipient
     * (its key such as "store:D-NY-UWS-01" or its address) and status. Incident managers only.
     */
    @IncidentManagersOnly
    public MessagePage search(@Nullable Long incidentId, @Nullable String kind, @Nullable String recipient,
            @Nullable MessageStatus status, int page, int size) {
        return search.find(new MessageSearch.Filter(incidentId, kind, recipient, status), (long) page * size, size);
    }

    // --- the opt-out list

    @PreAuthorize(OPT_OUT_READ)
    public List<OptOut> optOuts(int page, int size) {
        int s = Math.min(Math.max(size, 1), 500);
        return optOuts.page((long) Math.max(page, 0) * s, s);
    }

    @PreAuthorize(OPT_OUT_READ)
    public long optOutCount() {
        return optOuts.count();
    }

    /**
     * Records that a number must not be texted (a caller asked an agent); its texts already queued are skipped when
     * their turn comes.
     */
    @Transactional
    @PreAuthorize(OPT_OUT_READ)
    public boolean optOut(@Nullable String msisdn) {
        if (msisdn == null || msisdn.isBlank()) {
            throw new DomainException("msisdn", "Give the number to stop texting");
        }
        String number;
        try {
            number = Msisdn.parse(msisdn).value();
        } catch (IllegalArgumentException e) {
            throw new DomainException("msisdn", e.getMessage());
        }
        boolean added = inbound.optOut(number, "API", CurrentActor.username());
        if (added) {
            audit.record("SMS_OPT_OUT", "OptOut", null, number + " will not be texted");
        }
        return added;
    }

    private void wakeAfterCommit() {
        AfterCommit.run(dispatcher::wake);
    }

    /** When the status says "unreachable", since when, for the screen. */
    public @Nullable Instant downSince(Channel channel) {
        return channels().stream().filter(c -> c.channel() == channel && !c.up()).map(ChannelHealth::downSince)
                .findFirst().orElse(null);
    }
}
