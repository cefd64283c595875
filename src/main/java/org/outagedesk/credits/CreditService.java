package org.outagedesk.credits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.ApprovalRequested;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.Money;
import org.outagedesk.base.Msisdn;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.Text;
import org.outagedesk.impact.ImpactRows.SubscriberImpact;
import org.outagedesk.incident.IncidentService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single credits: issue within the requester's limit (above it they wait for approval), approve or reject (an
 * incident manager who did not ask), reverse (a compensating entry), and read them. The per-subscriber cap of an
 * incident is checked under a lock on the subscriber's impact row, so concurrent requests queue up and can never
 * pass it together. Agents and incident managers issue; incident managers decide and reverse; executives read.
 */
@Service
@Transactional(readOnly = true)
public class CreditService {

    public static final String ISSUE = "hasAnyRole('" + AppRoles.AGENT + "','" + AppRoles.INCIDENT_MANAGER + "')";
    static final String READ_SUBSCRIBER = "hasAnyRole('" + AppRoles.AGENT + "','" + AppRoles.INCIDENT_MANAGER + "','"
            + AppRoles.EXECUTIVE + "')";
    static final String READ_ALL = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "')";

    private static final int MAX_KEY_LENGTH = 128;

    private final CreditQueries queries;
    private final CreditRepository credits;
    private final CreditProperties properties;
    private final IncidentService incidents;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    CreditService(CreditQueries queries, CreditRepository credits, CreditProperties properties,
            IncidentService incidents, AuditService audit, Clock clock, PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.events = events;
        this.queries = queries;
        this.credits = credits;
        this.properties = properties;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @PreAuthorize(READ_SUBSCRIBER)
    public List<ReasonCode> reasonCodes() {
        return queries.reasons();
    }

    /** The caller's per-credit limit: above it a credit waits for approval. */
    @PreAuthorize(ISSUE)
    public Money myLimit() {
        return CurrentActor.hasRole(AppRoles.INCIDENT_MANAGER) ? properties.incidentManagerLimit()
                : properties.agentLimit();
    }

    /**
     * Issues a credit, or files it for approval when above the caller's limit. With an idempotency key, the same key
     * and the same request return the first credit ({@code replayed}); the same key with another request is refused.
     * Concurrent requests with one key wait for the first and then get its credit.
     */
    @PreAuthorize(ISSUE)
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // each attempt below is a transaction of its own
    public IssuedCredit issue(NewCredit request, @Nullable String idempotencyKey) {
        String actor = CurrentActor.username();
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return new IssuedCredit(tx.execute(s -> doIssue(request, actor)), false);
        }
        String key = idempotencyKey.strip();
        if (key.length() > MAX_KEY_LENGTH) {
            throw new DomainException("Idempotency-Key", "The idempotency key may have at most " + MAX_KEY_LENGTH
                    + " characters");
        }
        String hash = request.hash();
        for (int attempt = 0; attempt < 200; attempt++) {
            Optional<CreditQueries.StoredKey> stored = tx.execute(s -> queries.storedKey(actor, key));
            if (stored.isPresent() && stored.get().creditId() != null) {
                if (!stored.get().requestHash().equals(hash)) {
                    throw DomainException.conflict("Idempotency-Key '" + key + "' was already used for a different"
                            + " credit request; use a new key for a new request");
                }
                return new IssuedCredit(queries.record(stored.get().creditId()).orElseThrow(), true);
            }
            try {
                return new IssuedCredit(tx.execute(s -> {
                    queries.claimKey(actor, key, hash, clock.instant());
                    CreditRecord credit = doIssue(request, actor);
                    queries.completeKey(actor, key, credit.id());
                    return credit;
                }), false);
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                // another request with this key holds it or has just committed it: read its outcome again
                sleep(attempt);
            }
        }
        throw DomainException.conflict("Another request with Idempotency-Key '" + key
                + "' is still being processed; retry in a moment");
    }

    private CreditRecord doIssue(NewCredit request, String actor) {
        if (request.incidentId() == null) {
            throw new DomainException("incidentId", "Choose the incident the credit is for");
        }
        incidents.get(request.incidentId());
        Msisdn msisdn = parse(request.msisdn());
        ReasonCode reason = reason(request.reasonCode());
        Money amount = amount(request.amount(), reason);
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && Text.length(note) > 1000) {
            throw new DomainException("note", "Keep the note under 1,000 characters");
        }
        if (amount.isGreaterThan(properties.incidentManagerLimit())) {
            throw new DomainException("amount", "A single credit may be at most " + properties.incidentManagerLimit()
                    + " (the incident managers' limit); above that nobody may approve it");
        }
        SubscriberImpact target = queries.target(request.incidentId(), msisdn.value(), true)
                .orElseThrow(() -> new DomainException("msisdn", msisdn + " is not an affected subscriber of incident "
                        + request.incidentId()));
        Money room = properties.cap().minus(queries.net(request.incidentId(), target.subscriberId()));
        if (amount.isGreaterThan(room)) {
            throw DomainException.conflict("A credit of " + amount + " would pass the cap of " + properties.cap()
                    + " per subscriber in this incident: " + (room.isNegative() ? Money.usd("0") : room)
                    + " of room left for " + msisdn);
        }
        boolean withinLimit = !amount.isGreaterThan(limitOf());
        Instant now = clock.instant();
        Credit credit = credits.saveAndFlush(Credit.request(request.incidentId(), target.subscriberId(),
                reason.code(), amount, note, withinLimit, actor, now));
        audit.record(withinLimit ? "CREDIT_ISSUED" : "CREDIT_REQUESTED", "Credit", credit.getId(), msisdn + " "
                + amount + " " + reason.code() + " in incident " + request.incidentId()
                + (withinLimit ? "" : " (above the limit of " + limitOf() + ": waits for approval)"));
        if (!withinLimit) {
            events.publishEvent(new ApprovalRequested("credit", credit.getId(),
                    request.incidentId(), "Credit of " + amount + " (" + reason.code() + ") to " + msisdn,
                    actor, List.of(actor), "credits/approvals"));
        }
        return queries.record(credit.getId()).orElseThrow();
    }

    @Transactional
    @IncidentManagersOnly
    public CreditRecord approve(long id) {
        Credit credit = credit(id);
        credit.approve(CurrentActor.username(), clock.instant());
        audit.record("CREDIT_APPROVED", "Credit", id, credit.getAmount() + " " + credit.getReasonCode()
                + " asked by " + credit.getRequestedBy());
        credits.flush();
        return queries.record(id).orElseThrow();
    }

    @Transactional
    @IncidentManagersOnly
    public CreditRecord reject(long id, @Nullable String reason) {
        Credit credit = credit(id);
        credit.reject(CurrentActor.username(), reason, clock.instant());
        audit.record("CREDIT_REJECTED", "Credit", id, credit.getAmount() + " " + credit.getReasonCode()
                + " asked by " + credit.getRequestedBy() + ": " + reason);
        credits.flush();
        return queries.record(id).orElseThrow();
    }

    /** Reverses an issued credit with a compensating entry; returns that entry. */
    @Transactional
    @IncidentManagersOnly
    public CreditRecord reverse(long id, @Nullable String reason) {
        Credit credit = credit(id);
        Credit reversal = credits.saveAndFlush(credit.reverse(CurrentActor.username(), reason, clock.instant()));
        audit.record("CREDIT_REVERSED", "Credit", id, credit.getAmount() + " " + credit.getReasonCode()
                + " reversed by entry " + reversal.getId() + ": " + reason);
        return queries.record(reversal.getId()).orElseThrow();
    }

    @PreAuthorize(READ_SUBSCRIBER)
    public CreditRecord get(long id) {
        return queries.record(id).orElseThrow(() -> new NotFoundException("Credit", id));
    }

    /** Every credit and reversal of a subscriber, newest first, optionally of one incident. */
    @PreAuthorize(READ_SUBSCRIBER)
    public List<CreditRecord> ofSubscriber(String msisdn, @Nullable Long incidentId) {
        return queries.ofSubscriber(parse(msisdn).value(), incidentId);
    }

    /**
     * A subscriber's credits (of one incident, or of all) with, per incident, the net total, the cap and the room left
     * under it. Incidents: the one asked for (404 when the subscriber is not in it), else those with credits.
     */
    @PreAuthorize(READ_SUBSCRIBER)
    public SubscriberCreditList creditList(String msisdn, @Nullable Long incidentId) {
        Msisdn number = parse(msisdn);
        List<CreditRecord> list = queries.ofSubscriber(number.value(), incidentId);
        Set<Long> incidentIds = new LinkedHashSet<>();
        if (incidentId != null) {
            incidents.get(incidentId);
            incidentIds.add(incidentId);
        }
        list.forEach(c -> incidentIds.add(c.incidentId()));
        List<SubscriberCreditList.Room> rooms = new ArrayList<>();
        for (long id : incidentIds) {
            SubscriberImpact target = queries.target(id, number.value(), false)
                    .orElseThrow(() -> new NotFoundException("Subscriber", number + " in incident " + id));
            Money net = queries.net(id, target.subscriberId());
            Money room = properties.cap().minus(net);
            rooms.add(new SubscriberCreditList.Room(id, net, properties.cap(),
                    room.isNegative() ? Money.usd("0") : room));
        }
        return new SubscriberCreditList(number.value(), list, rooms);
    }

    /** What the agent's dialog shows before issuing: status, earlier credits, room under the cap. */
    @PreAuthorize(READ_SUBSCRIBER)
    public SubscriberCredits subscriberInIncident(String msisdn, long incidentId) {
        incidents.get(incidentId);
        Msisdn number = parse(msisdn);
        SubscriberImpact target = queries.target(incidentId, number.value(), false)
                .orElseThrow(() -> new NotFoundException("Subscriber", number + " in incident " + incidentId));
        Money net = queries.net(incidentId, target.subscriberId());
        Money room = properties.cap().minus(net);
        return new SubscriberCredits(target.msisdn(), target.name(), incidentId, target.status(), target.dataPlan(),
                net, properties.cap(), room.isNegative() ? Money.usd("0") : room,
                queries.ofSubscriber(number.value(), incidentId));
    }

    @PreAuthorize(READ_ALL)
    public Page<CreditRecord> find(@Nullable CreditStatus status, @Nullable Long incidentId, Pageable pageable) {
        return queries.find(status, incidentId, pageable);
    }

    /**
     * Hands every credit and reversal of an incident (oldest first, with campaign and tier) to {@code each} as the
     * database streams them: for the ledger export. Agents too, as the export issue asks; runs in one read-only
     * transaction.
     */
    @PreAuthorize(READ_SUBSCRIBER)
    public void forEachCredit(long incidentId, Consumer<CreditLedgerLine> each) {
        incidents.get(incidentId);
        queries.forEachLedgerLine(incidentId, each);
    }

    @PreAuthorize(READ_ALL)
    public CreditSummary summary(long incidentId) {
        incidents.get(incidentId);
        List<CreditSummary.Line> lines = queries.summary(incidentId);
        Money zero = Money.usd("0");
        Money issued = zero;
        Money reversed = zero;
        Money pending = zero;
        for (CreditSummary.Line l : lines) {
            if (l.entryType() == CreditEntryType.REVERSAL) {
                reversed = reversed.minus(l.total());
            } else if (l.status() == CreditStatus.ISSUED || l.status() == CreditStatus.REVERSED) {
                issued = issued.plus(l.total());
            } else if (l.status() == CreditStatus.PENDING_APPROVAL) {
                pending = pending.plus(l.total());
            }
        }
        return new CreditSummary(incidentId, lines, issued, reversed, pending, issued.minus(reversed));
    }

    Money limitOf() {
        return CurrentActor.hasRole(AppRoles.INCIDENT_MANAGER) ? properties.incidentManagerLimit()
                : properties.agentLimit();
    }

    ReasonCode reason(@Nullable String code) {
        if (code == null || code.isBlank()) {
            throw new DomainException("reasonCode", "Choose a reason code");
        }
        return queries.reasons().stream().filter(r -> r.code().equalsIgnoreCase(code.strip())).findFirst()
                .orElseThrow(() -> new DomainException("reasonCode", "'" + code + "' is not a reason code; use one of "
                        + queries.reasons().stream().map(ReasonCode::code).toList()));
    }

    static Money amount(@Nullable BigDecimal value, ReasonCode reason) {
        if (value == null) {
            throw new DomainException("amount", "Enter the amount in US dollars, e.g. 20.00");
        }
        Money amount;
        try {
            amount = Money.usd(value);
        } catch (IllegalArgumentException e) {
            throw new DomainException("amount", value.scale() > 30 || (long) value.precision() - value.scale() > 18
                    ? "The amount is out of range" : "Amounts are in dollars and cents: " + value.toPlainString()
                    + " has more than two decimals");
        }
        if (amount.isNegative() || (amount.isZero() && !reason.allowsZero())) {
            throw new DomainException("amount", "The amount must be more than $0.00"
                    + (amount.isZero() ? " (only reasons such as CONTRACT_RELEASE may be $0)" : ""));
        }
        return amount;
    }

    private Credit credit(long id) {
        return credits.findById(id).orElseThrow(() -> new NotFoundException("Credit", id));
    }

    static Msisdn parse(@Nullable String msisdn) {
        try {
            return Msisdn.parse(msisdn);
        } catch (IllegalArgumentException e) {
            throw new DomainException("msisdn", e.getMessage());
        }
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(Math.min(5 + attempt * 5L, 100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
