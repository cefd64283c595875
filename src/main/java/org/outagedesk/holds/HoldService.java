package org.outagedesk.holds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DateBounds;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.Text;
import org.outagedesk.base.UserIdentity;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stop-sales: incident managers place and lift them; executives and agents read them. Placing and lifting put a
 * STOP_SALE entry on the incident's timeline through {@link ResponseActionTaken}, in the same transaction, in the
 * words of {@link HoldTimelineTexts}. Store managers' acknowledgements, and the progress of a hold's acknowledgements,
 * are {@link HoldAcknowledgementService}'s; the methods for them here hand the call there, so the screens and
 * controllers keep one service to ask.
 */
@Service
@Transactional(readOnly = true)
public class HoldService {

    static final String READERS = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "','"
            + AppRoles.AGENT + "')";
    /** Store managers only (their own store's holds and acknowledgements); named once, used by the controllers. */
    public static final String STORE_MANAGERS = "hasRole('" + AppRoles.STORE_MANAGER + "')";
    static final int MAX_ACK_DEADLINE_HOURS = 24 * 30;

    private final SalesHoldRepository holds;
    private final HoldSummaries summaries;
    private final HoldAcknowledgementService acknowledgements;
    private final CatalogService catalog;
    private final IncidentService incidents;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final DateBounds dates;

    HoldService(SalesHoldRepository holds, HoldSummaries summaries, HoldAcknowledgementService acknowledgements,
            CatalogService catalog, IncidentService incidents, AuditService audit, ApplicationEventPublisher events,
            Clock clock, DateBounds dates) {
        this.dates = dates;
        this.holds = holds;
        this.summaries = summaries;
        this.acknowledgements = acknowledgements;
        this.catalog = catalog;
        this.incidents = incidents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- placing and lifting

    @Transactional
    @IncidentManagersOnly
    public HoldSummary place(NewHold request) {
        String reason = required(request.reason(), "reason", 1000);
        if (request.incidentId() == null) {
            throw new DomainException("incidentId", "Link the hold to an incident");
        }
        Incident incident = incidents.get(request.incidentId());

        boolean hasSkus = request.skus() != null && !request.skus().isEmpty();
        boolean hasFamily = request.family() != null && !request.family().isBlank();
        if (hasSkus && hasFamily) {
            throw new DomainException("skus", "Give either a list of SKUs or a family, not both");
        }
        if (!hasSkus && !hasFamily) {
            throw new DomainException("skus", "Name at least one SKU, or a whole family");
        }
        String family = null;
        Set<String> skus = new LinkedHashSet<>();
        if (hasFamily) {
            family = request.family().strip().toUpperCase(Locale.ROOT);
            if (catalog.skusOfFamily(family).isEmpty()) {
                throw new DomainException("family", "No SKU belongs to the family '" + request.family()
                        + "'; known families: " + String.join(", ", catalog.families()));
            }
        } else {
            for (String code : request.skus()) {
                if (code == null || code.isBlank()) {
                    throw new DomainException("skus", "A SKU code is empty");
                }
                skus.add(catalog.getSku(code.strip()).getCode());
            }
        }

        if (request.channels() == null || request.channels().isEmpty()
                || request.channels().stream().anyMatch(Objects::isNull)) {
            throw new DomainException("channels", "Name at least one channel: ONLINE, RETAIL or DEALER");
        }
        EnumSet<SalesChannel> channels = EnumSet.copyOf(request.channels());

        Set<String> regions = new LinkedHashSet<>();
        if (request.regions() != null) {
            List<String> known = catalog.regions();
            for (String region : request.regions()) {
                String r = region == null ? "" : region.strip();
                if (!known.contains(r)) {
                    throw new DomainException("regions", "'" + region + "' is not a region; known regions: "
                            + String.join(", ", known));
                }
                regions.add(r);
            }
        }
        Set<String> stores = new LinkedHashSet<>();
        if (request.stores() != null) {
            for (String code : request.stores()) {
                Store store = catalog.getStore(code == null ? "" : code.strip());
                SalesChannel channel = SalesChannel.of(store.getType());
                if (!channels.contains(channel)) {
                    throw new DomainException("stores", "Store " + store.getCode() + " sells through "
                            + channel + ", which this hold does not cover");
                }
                stores.add(store.getCode());
            }
        }
        if ((!regions.isEmpty() || !stores.isEmpty()) && channels.equals(EnumSet.of(SalesChannel.ONLINE))) {
            throw new DomainException("regions", "Regions and stores narrow the store channels (RETAIL, DEALER); "
                    + "the ONLINE channel has no stores");
        }

        dates.check("effectiveFrom", request.effectiveFrom());
        dates.check("effectiveUntil", request.effectiveUntil());
        Instant now = clock.instant();
        Instant from = request.effectiveFrom() == null ? now : request.effectiveFrom();
        Instant until = request.effectiveUntil();
        if (until != null && !until.isAfter(from)) {
            throw new DomainException("effectiveUntil", "The hold must end after it starts ("
                    + HoldTimelineTexts.format(from, incident.getReferenceZone()) + ")");
        }
        int hours = request.ackDeadlineHours() == null ? NewHold.DEFAULT_ACK_DEADLINE_HOURS
                : request.ackDeadlineHours();
        if (hours < 1 || hours > MAX_ACK_DEADLINE_HOURS) {
            throw new DomainException("ackDeadlineHours",
                    "Give stores between 1 and " + MAX_ACK_DEADLINE_HOURS + " hours to acknowledge");
        }

        SalesHold hold = holds.save(new SalesHold(incident.getId(), family, skus, channels, regions, stores, from,
                until, from.plus(Duration.ofHours(hours)), reason, now, CurrentActor.username()));
        HoldSummary summary = summaries.summary(hold, now);
        events.publishEvent(new HoldBook.HoldsChanged(hold.getId()));
        events.publishEvent(new HoldPlaced(summary));
        audit.record("HOLD_PLACED", "SalesHold", hold.getId(),
                HoldTimelineTexts.describe(summary, incident.getReferenceZone()));
        // A backdated hold (the 2009 story is replayed this way) took effect before it was recorded: its timeline
        // entry belongs at the moment it took effect.
        Instant occurred = from.isBefore(now) ? from : now;
        events.publishEvent(new ResponseActionTaken(incident.getId(), TimelineEntryType.STOP_SALE, occurred,
                Visibility.INTERNAL, HoldTimelineTexts.placed(hold.getId(), summary, incident.getReferenceZone()),
                CurrentActor.username()));
        return summary;
    }

    @Transactional
    @IncidentManagersOnly
    public HoldSummary lift(long holdId, String reason) {
        String why = required(reason, "reason", 1000);
        SalesHold hold = summaries.find(holdId);
        Instant now = clock.instant();
        hold.lift(CurrentActor.username(), why, now);
        events.publishEvent(new HoldBook.HoldsChanged(hold.getId()));
        HoldSummary summary = summaries.summary(hold, now);
        events.publishEvent(new HoldLifted(summary));
        audit.record("HOLD_LIFTED", "SalesHold", hold.getId(), HoldTimelineTexts.liftedAudit(summary, why));
        events.publishEvent(new ResponseActionTaken(hold.getIncidentId(), TimelineEntryType.STOP_SALE, now,
                Visibility.INTERNAL, HoldTimelineTexts.lifted(hold.getId(), summary, why), CurrentActor.username()));
        return summary;
    }

    // ---------------------------------------------------------------- reading

    @PreAuthorize(READERS)
    public HoldSummary get(long holdId) {
        return summaries.summary(summaries.find(holdId), clock.instant());
    }

    /** Holds, newest first unless the pageable sorts otherwise; status and incident are optional filters. */
    @PreAuthorize(READERS)
    public Page<HoldSummary> find(@Nullable HoldStatus status, @Nullable Long incidentId, Pageable pageable) {
        Instant now = clock.instant();
        Page<SalesHold> page = holds.findAll(spec(status, incidentId, now), pageable);
        return page.map(h -> summaries.summary(h, now));
    }

    @PreAuthorize(READERS)
    public long count(@Nullable HoldStatus status, @Nullable Long incidentId) {
        return holds.count(spec(status, incidentId, clock.instant()));
    }

    /** The holds not lifted that are in force or scheduled at {@code now} (no role check: for the reminders). */
    public List<HoldSummary> liveHolds() {
        Instant now = clock.instant();
        return holds.findAll(spec(HoldStatus.ACTIVE, null, now)).stream().map(h -> summaries.summary(h, now))
                .toList();
    }

    /** One hold (no role check: for the store e-mails). */
    public HoldSummary summaryOf(long holdId) {
        return summaries.summary(summaries.find(holdId), clock.instant());
    }

    // ---------------------------------------------------------------- acknowledgements, handed to their service
    // The screens, controllers and store e-mails call these; HoldAcknowledgementService does the work.

    @PreAuthorize(READERS)
    public AcknowledgementProgress progress(long holdId) {
        return acknowledgements.progress(holdId);
    }

    /** The stores a hold reaches, by acknowledgement state: ALL, ACKNOWLEDGED, PENDING or OVERDUE. */
    @PreAuthorize(READERS)
    public Page<StoreAcknowledgementRow> stores(long holdId, AckState state, Pageable pageable) {
        return acknowledgements.stores(holdId, state, pageable);
    }

    /** The state of one store's acknowledgement of a hold, as the progress screens name it. */
    public AckState stateOf(HoldSummary hold, StoreAcknowledgementRow row) {
        return acknowledgements.stateOf(hold, row);
    }

    public enum AckState {
        ALL, ACKNOWLEDGED, PENDING, OVERDUE
    }

    /** Each store a hold reaches with its acknowledgement, a page at a time (no role check: for the store e-mails). */
    public void forEachStoreReached(long holdId, AckState state, Consumer<StoreAcknowledgementRow> each) {
        acknowledgements.forEachStoreReached(holdId, state, each);
    }

    /** The scheduled and active holds that reach the signed-in store manager's store, with its acknowledgements. */
    @PreAuthorize(STORE_MANAGERS)
    public List<StoreHold> holdsOfMyStore() {
        return acknowledgements.holdsOfMyStore();
    }

    /** The signed-in store manager acknowledges a hold for their own store; twice keeps the first. */
    @Transactional
    @PreAuthorize(STORE_MANAGERS)
    public StoreHold acknowledge(long holdId) {
        return acknowledgements.acknowledge(holdId);
    }

    /** Acknowledges at a given time: the 2009 replay's stores acknowledge within hours of each hold, in 2009. */
    @Transactional
    @PreAuthorize(STORE_MANAGERS)
    StoreHold acknowledgeAt(long holdId, Instant now) {
        return acknowledgements.acknowledgeAt(holdId, now);
    }

    // ---------------------------------------------------------------- helpers

    static String myStoreCode() {
        return CurrentActor.identity().map(UserIdentity::storeCode)
                .orElseThrow(() -> new AccessDeniedException("Only a store manager bound to a store may do this"));
    }

    private static Specification<SalesHold> spec(@Nullable HoldStatus status, @Nullable Long incidentId,
            Instant now) {
        Specification<SalesHold> spec = Specification.unrestricted();
        if (incidentId != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("incidentId"), incidentId));
        }
        if (status != null) {
            spec = spec.and((r, q, cb) -> switch (status) {
                case LIFTED -> cb.isNotNull(r.get("liftedAt"));
                case EXPIRED -> cb.and(cb.isNull(r.get("liftedAt")),
                        cb.lessThanOrEqualTo(r.get("effectiveUntil"), now));
                case SCHEDULED -> cb.and(cb.isNull(r.get("liftedAt")), cb.greaterThan(r.get("effectiveFrom"), now));
                case ACTIVE -> cb.and(cb.isNull(r.get("liftedAt")), cb.lessThanOrEqualTo(r.get("effectiveFrom"), now),
                        cb.or(cb.isNull(r.get("effectiveUntil")), cb.greaterThan(r.get("effectiveUntil"), now)));
            });
        }
        return spec;
    }

    private static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new DomainException(field, "A " + field + " is required");
        }
        if (Text.length(value.strip()) > max) {
            throw new DomainException(field, "Keep the " + field + " under " + max + " characters");
        }
        return value.strip();
    }
}
