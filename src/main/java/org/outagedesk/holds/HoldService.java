package org.outagedesk.holds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DateBounds;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.Text;
import org.outagedesk.base.UserIdentity;
import org.outagedesk.base.ui.Words;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.outagedesk.catalog.StoreType;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stop-sales: incident managers place and lift them; store managers acknowledge them for their own store;
 * executives and agents read. Placing and lifting put a STOP_SALE entry on the incident's timeline through
 * {@link ResponseActionTaken}, in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class HoldService {

    static final String READERS = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE + "','"
            + AppRoles.AGENT + "')";
    /** Store managers only (their own store's holds and acknowledgements); named once, used by the controllers. */
    public static final String STORE_MANAGERS = "hasRole('" + AppRoles.STORE_MANAGER + "')";
    /** Stands in for an empty list in "x in :list" (some databases refuse an empty IN list); no store or region has this code. */
    static final String NONE = "(none)";
    static final int MAX_ACK_DEADLINE_HOURS = 24 * 30;
    /** "Not closed" in the store queries (a closed store takes no hold placed from its closing on). */
    static final Instant OPEN = Instant.parse("9999-12-31T00:00:00Z");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a z", Locale.US);

    private final SalesHoldRepository holds;
    private final HoldAcknowledgementRepository acknowledgements;
    private final CatalogService catalog;
    private final IncidentService incidents;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final DateBounds dates;

    HoldService(SalesHoldRepository holds, HoldAcknowledgementRepository acknowledgements, CatalogService catalog,
            IncidentService incidents, AuditService audit, ApplicationEventPublisher events, Clock clock,
            DateBounds dates) {
        this.dates = dates;
        this.holds = holds;
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
                    + format(from, incident.getReferenceZone()) + ")");
        }
        int hours = request.ackDeadlineHours() == null ? NewHold.DEFAULT_ACK_DEADLINE_HOURS
                : request.ackDeadlineHours();
        if (hours < 1 || hours > MAX_ACK_DEADLINE_HOURS) {
            throw new DomainException("ackDeadlineHours",
                    "Give stores between 1 and " + MAX_ACK_DEADLINE_HOURS + " hours to acknowledge");
        }

        SalesHold hold = holds.save(new SalesHold(incident.getId(), family, skus, channels, regions, stores, from,
                until, from.plus(Duration.ofHours(hours)), reason, now, CurrentActor.username()));
        HoldSummary summary = summary(hold, now);
        events.publishEvent(new HoldBook.HoldsChanged(hold.getId()));
        events.publishEvent(new HoldPlaced(summary));
        audit.record("HOLD_PLACED", "SalesHold", hold.getId(), describe(summary, incident.getReferenceZone()));
        // A backdated hold (the 2009 story is replayed this way) took effect before it was recorded: its timeline
        // entry belongs at the moment it took effect.
        Instant occurred = from.isBefore(now) ? from : now;
        events.publishEvent(new ResponseActionTaken(incident.getId(), TimelineEntryType.STOP_SALE, occurred,
                Visibility.INTERNAL, "Stop-sale placed (hold #" + hold.getId() + "): "
                        + describe(summary, incident.getReferenceZone()), CurrentActor.username()));
        return summary;
    }

    @Transactional
    @IncidentManagersOnly
    public HoldSummary lift(long holdId, String reason) {
        String why = required(reason, "reason", 1000);
        SalesHold hold = find(holdId);
        Instant now = clock.instant();
        hold.lift(CurrentActor.username(), why, now);
        events.publishEvent(new HoldBook.HoldsChanged(hold.getId()));
        HoldSummary summary = summary(hold, now);
        events.publishEvent(new HoldLifted(summary));
        audit.record("HOLD_LIFTED", "SalesHold", hold.getId(), summary.coverage() + " lifted: " + why);
        events.publishEvent(new ResponseActionTaken(hold.getIncidentId(), TimelineEntryType.STOP_SALE, now,
                Visibility.INTERNAL, "Stop-sale lifted (hold #" + hold.getId() + "): " + summary.coverage() + " in "
                        + channels(summary.channels()) + " may be sold again. Reason: " + why,
                CurrentActor.username()));
        return summary;
    }

    // ---------------------------------------------------------------- reading

    @PreAuthorize(READERS)
    public HoldSummary get(long holdId) {
        return summary(find(holdId), clock.instant());
    }

    /** Holds, newest first unless the pageable sorts otherwise; status and incident are optional filters. */
    @PreAuthorize(READERS)
    public Page<HoldSummary> find(@Nullable HoldStatus status, @Nullable Long incidentId, Pageable pageable) {
        Instant now = clock.instant();
        Page<SalesHold> page = holds.findAll(spec(status, incidentId, now), pageable);
        return page.map(h -> summary(h, now));
    }

    @PreAuthorize(READERS)
    public long count(@Nullable HoldStatus status, @Nullable Long incidentId) {
        return holds.count(spec(status, incidentId, clock.instant()));
    }

    @PreAuthorize(READERS)
    public AcknowledgementProgress progress(long holdId) {
        SalesHold hold = find(holdId);
        Instant now = clock.instant();
        boolean passed = deadlinePassed(hold, now);
        List<AcknowledgementProgress.RegionProgress> regions = new ArrayList<>();
        long stores = 0;
        long acked = 0;
        Scope scope = Scope.of(hold);
        if (!scope.types.isEmpty()) {
            for (RegionAcknowledgements row : holds.progressByRegion(hold.getId(), scope.types, scope.everywhere,
                    scope.regions, scope.stores, hold.getPlacedAt())) {
                long total = row.stores();
                long done = row.acknowledged();
                long open = total - done;
                regions.add(new AcknowledgementProgress.RegionProgress(row.region(), total, done,
                        passed ? 0 : open, passed ? open : 0));
                stores += total;
                acked += done;
            }
        }
        long open = stores - acked;
        return new AcknowledgementProgress(hold.getId(), hold.getAckDeadline(), passed, stores, acked,
                passed ? 0 : open, passed ? open : 0, regions);
    }

    /** The stores a hold reaches, by acknowledgement state: ALL, ACKNOWLEDGED, PENDING or OVERDUE. */
    @PreAuthorize(READERS)
    public Page<StoreAcknowledgementRow> stores(long holdId, AckState state, Pageable pageable) {
        SalesHold hold = find(holdId);
        Scope scope = Scope.of(hold);
        boolean passed = deadlinePassed(hold, clock.instant());
        if (scope.types.isEmpty() || (state == AckState.OVERDUE && !passed)
                || (state == AckState.PENDING && passed)) {
            return new PageImpl<>(List.of(), pageable, 0);
        }
        String query = switch (state) {
            case ALL -> "ALL";
            case ACKNOWLEDGED -> "ACKNOWLEDGED";
            case PENDING, OVERDUE -> "PENDING";
        };
        return holds.storeRows(hold.getId(), scope.types, scope.everywhere, scope.regions, scope.stores, query,
                hold.getPlacedAt(), pageable);
    }

    /** The state of one store's acknowledgement of a hold, as the progress screens name it. */
    public AckState stateOf(HoldSummary hold, StoreAcknowledgementRow row) {
        if (row.acknowledged()) {
            return AckState.ACKNOWLEDGED;
        }
        return deadlinePassed(hold.status(), hold.ackDeadline(), clock.instant()) ? AckState.OVERDUE
                : AckState.PENDING;
    }

    public enum AckState {
        ALL, ACKNOWLEDGED, PENDING, OVERDUE
    }

    // ---------------------------------------------------------------- for the store e-mails (no caller checks)

    /**
     * Each store a hold reaches with its acknowledgement ({@code state} ALL or PENDING), a page at a time. No role
     * check: for the features that react to hold events and to the clock (the store e-mails), not for screens.
     */
    public void forEachStoreReached(long holdId, AckState state, Consumer<StoreAcknowledgementRow> each) {
        SalesHold hold = find(holdId);
        Scope scope = Scope.of(hold);
        if (scope.types.isEmpty()) {
            return;
        }
        String query = state == AckState.ALL ? "ALL" : state == AckState.ACKNOWLEDGED ? "ACKNOWLEDGED" : "PENDING";
        Pageable page = PageRequest.of(0, 500,
                Sort.by("code"));
        while (true) {
            Page<StoreAcknowledgementRow> rows = holds.storeRows(hold.getId(), scope.types, scope.everywhere,
                    scope.regions, scope.stores, query, hold.getPlacedAt(), page);
            rows.forEach(each);
            if (!rows.hasNext()) {
                return;
            }
            page = rows.nextPageable();
        }
    }

    /** The holds not lifted that are in force or scheduled at {@code now} (no role check: for the reminders). */
    public List<HoldSummary> liveHolds() {
        Instant now = clock.instant();
        return holds.findAll(spec(HoldStatus.ACTIVE, null, now)).stream().map(h -> summary(h, now)).toList();
    }

    /** One hold (no role check: for the store e-mails). */
    public HoldSummary summaryOf(long holdId) {
        return summary(find(holdId), clock.instant());
    }

    // ---------------------------------------------------------------- the store manager's own store

    /** The scheduled and active holds that reach the signed-in store manager's store, with its acknowledgements. */
    @PreAuthorize(STORE_MANAGERS)
    public List<StoreHold> holdsOfMyStore() {
        Store store = catalog.getStore(myStoreCode());
        Instant now = clock.instant();
        HoldBook.Place place = HoldBook.Place.of(store);
        Instant placedBefore = store.isClosed() ? store.getClosedAt() : OPEN; // a closed store gets no newer hold
        List<SalesHold> current = holds.reachingStore(place.channel(), place.region(), place.code()).stream()
                .filter(h -> h.getPlacedAt().isBefore(placedBefore) && h.terms().currentOrScheduledAt(now)).toList();
        Map<Long, HoldAcknowledgement> acks = current.isEmpty() ? Map.of()
                : acknowledgements.findByStoreCodeAndHoldIdIn(store.getCode(),
                        current.stream().map(SalesHold::getId).toList()).stream()
                        .collect(Collectors.toMap(HoldAcknowledgement::getHoldId, Function.identity()));
        return current.stream().map(h -> {
            HoldAcknowledgement ack = acks.get(h.getId());
            return new StoreHold(summary(h, now), store.getCode(), ack == null ? null : ack.getAcknowledgedAt(),
                    ack == null ? null : ack.getAcknowledgedBy(), ack == null && deadlinePassed(h, now));
        }).toList();
    }

    /**
     * The signed-in store manager acknowledges a hold for their own store (never for a store named in the request).
     * Acknowledging twice keeps the first acknowledgement.
     */
    @Transactional
    @PreAuthorize(STORE_MANAGERS)
    public StoreHold acknowledge(long holdId) {
        return acknowledgeAt(holdId, clock.instant());
    }

    /** Acknowledges at a given time: the 2009 replay's stores acknowledge within hours of each hold, in 2009. */
    @Transactional
    @PreAuthorize(STORE_MANAGERS)
    StoreHold acknowledgeAt(long holdId, Instant now) {
        Store store = catalog.getStore(myStoreCode());
        SalesHold hold = find(holdId);
        HoldStatus status = hold.statusAt(now);
        if (status == HoldStatus.LIFTED || status == HoldStatus.EXPIRED) {
            throw DomainException.conflict("Hold " + holdId + " is " + status.name().toLowerCase()
                    + ": there is nothing to acknowledge");
        }
        HoldBook.Place place = HoldBook.Place.of(store);
        if (!hold.terms().reaches(place.channel(), place)
                || (store.isClosed() && !hold.getPlacedAt().isBefore(store.getClosedAt()))) {
            throw DomainException.conflict("Hold " + holdId + " does not apply to your store " + store.getCode());
        }
        HoldAcknowledgement ack = acknowledgements.findByHoldIdAndStoreCode(holdId, store.getCode())
                .orElseGet(() -> {
                    HoldAcknowledgement saved = acknowledgements.save(
                            new HoldAcknowledgement(holdId, store.getCode(), now, CurrentActor.username()));
                    audit.record("HOLD_ACKNOWLEDGED", "SalesHold", holdId,
                            "Store " + store.getCode() + " acknowledged " + hold.getReason());
                    return saved;
                });
        return new StoreHold(summary(hold, now), store.getCode(), ack.getAcknowledgedAt(), ack.getAcknowledgedBy(),
                false);
    }

    // ---------------------------------------------------------------- helpers

    static String myStoreCode() {
        return CurrentActor.identity().map(UserIdentity::storeCode)
                .orElseThrow(() -> new AccessDeniedException("Only a store manager bound to a store may do this"));
    }

    private SalesHold find(long holdId) {
        return holds.findById(holdId).orElseThrow(() -> new NotFoundException("Hold", holdId));
    }

    private HoldSummary summary(SalesHold h, Instant now) {
        Scope scope = Scope.of(h);
        long storeCount = scope.types.isEmpty() ? 0
                : holds.countStores(scope.types, scope.everywhere, scope.regions, scope.stores, h.getPlacedAt());
        long closedSkipped = scope.types.isEmpty() ? 0
                : holds.countClosedStores(scope.types, scope.everywhere, scope.regions, scope.stores, h.getPlacedAt());
        return new HoldSummary(h.getId(), h.getIncidentId(), h.statusAt(now), h.getFamily(),
                h.getSkus().stream().sorted().toList(), List.copyOf(h.getChannels()),
                h.getRegions().stream().sorted().toList(), h.getStores().stream().sorted().toList(),
                h.getEffectiveFrom(), h.getEffectiveUntil(), h.getAckDeadline(), h.getReason(), h.getPlacedAt(),
                h.getPlacedBy(), h.getLiftedAt(), h.getLiftedBy(), h.getLiftReason(), storeCount, closedSkipped);
    }

    private static boolean deadlinePassed(SalesHold h, Instant now) {
        return deadlinePassed(h.statusAt(now), h.getAckDeadline(), now);
    }

    private static boolean deadlinePassed(HoldStatus status, Instant deadline, Instant now) {
        return (status == HoldStatus.ACTIVE || status == HoldStatus.SCHEDULED) && now.isAfter(deadline);
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

    static String format(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    private static String channels(Collection<SalesChannel> channels) {
        return channels.stream().map(SalesChannel::label).collect(Collectors.joining(", "));
    }

    private static String describe(HoldSummary h, ZoneId zone) {
        return h.coverage() + " may not be sold in " + channels(h.channels()) + " ("
                + h.scope() + ", " + Words.count(h.storeCount(), "store")
                + (h.closedStoresSkipped() == 0 ? "" : "; " + Words.count(h.closedStoresSkipped(), "closed store")
                        + " skipped") + ") from " + format(h.effectiveFrom(), zone)
                + (h.effectiveUntil() == null ? "" : " until " + format(h.effectiveUntil(), zone))
                + ". Stores acknowledge by " + format(h.ackDeadline(), zone) + ". Reason: " + h.reason();
    }

    /** The store part of a hold in the shape the store queries take. */
    private record Scope(List<StoreType> types, boolean everywhere, Collection<String> regions,
            Collection<String> stores) {

        static Scope of(SalesHold h) {
            List<StoreType> types = h.getChannels().stream().map(SalesChannel::storeType).filter(Objects::nonNull)
                    .toList();
            return new Scope(types, h.isEverywhere(), orNone(h.getRegions()), orNone(h.getStores()));
        }

        private static Collection<String> orNone(Set<String> values) {
            return values.isEmpty() ? List.of(NONE) : values;
        }
    }
}
