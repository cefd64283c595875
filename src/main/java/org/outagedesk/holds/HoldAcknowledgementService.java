package org.outagedesk.holds;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.outagedesk.holds.HoldService.AckState;
import org.outagedesk.holds.HoldSummaries.Scope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acknowledgements of stop-sales: a store manager acknowledges a hold for their own store and sees the holds that
 * reach it; incident managers, executives and agents read how far the stores a hold reaches have got, store by store
 * and region by region; the store e-mails walk the stores a hold reaches. (Placing and lifting holds are
 * {@link HoldService}'s, which also answers the screens' and controllers' acknowledgement calls by handing them here.)
 */
@Service
@Transactional(readOnly = true)
public class HoldAcknowledgementService {

    /** "Not closed" in the store queries (a closed store takes no hold placed from its closing on). */
    static final Instant OPEN = Instant.parse("9999-12-31T00:00:00Z");

    private final SalesHoldRepository holds;
    private final HoldAcknowledgementRepository acknowledgements;
    private final HoldSummaries summaries;
    private final CatalogService catalog;
    private final AuditService audit;
    private final Clock clock;

    HoldAcknowledgementService(SalesHoldRepository holds, HoldAcknowledgementRepository acknowledgements,
            HoldSummaries summaries, CatalogService catalog, AuditService audit, Clock clock) {
        this.holds = holds;
        this.acknowledgements = acknowledgements;
        this.summaries = summaries;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- progress, for those who read holds

    @PreAuthorize(HoldService.READERS)
    public AcknowledgementProgress progress(long holdId) {
        SalesHold hold = summaries.find(holdId);
        Instant now = clock.instant();
        boolean passed = deadlinePassed(hold, now);
        List<AcknowledgementProgress.RegionProgress> regions = new ArrayList<>();
        long stores = 0;
        long acked = 0;
        Scope scope = Scope.of(hold);
        if (!scope.types().isEmpty()) {
            for (RegionAcknowledgements row : holds.progressByRegion(hold.getId(), scope.types(),
                    scope.everywhere(), scope.regions(), scope.stores(), hold.getPlacedAt())) {
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
    @PreAuthorize(HoldService.READERS)
    public Page<StoreAcknowledgementRow> stores(long holdId, AckState state, Pageable pageable) {
        SalesHold hold = summaries.find(holdId);
        Scope scope = Scope.of(hold);
        boolean passed = deadlinePassed(hold, clock.instant());
        if (scope.types().isEmpty() || (state == AckState.OVERDUE && !passed)
                || (state == AckState.PENDING && passed)) {
            return new PageImpl<>(List.of(), pageable, 0);
        }
        String query = switch (state) {
            case ALL -> "ALL";
            case ACKNOWLEDGED -> "ACKNOWLEDGED";
            case PENDING, OVERDUE -> "PENDING";
        };
        return holds.storeRows(hold.getId(), scope.types(), scope.everywhere(), scope.regions(), scope.stores(),
                query, hold.getPlacedAt(), pageable);
    }

    /** The state of one store's acknowledgement of a hold, as the progress screens name it. */
    public AckState stateOf(HoldSummary hold, StoreAcknowledgementRow row) {
        if (row.acknowledged()) {
            return AckState.ACKNOWLEDGED;
        }
        return deadlinePassed(hold.status(), hold.ackDeadline(), clock.instant()) ? AckState.OVERDUE
                : AckState.PENDING;
    }

    // ---------------------------------------------------------------- for the store e-mails (no caller checks)

    /**
     * Each store a hold reaches with its acknowledgement ({@code state} ALL or PENDING), a page at a time. No role
     * check: for the features that react to hold events and to the clock (the store e-mails), not for screens.
     */
    public void forEachStoreReached(long holdId, AckState state, Consumer<StoreAcknowledgementRow> each) {
        SalesHold hold = summaries.find(holdId);
        Scope scope = Scope.of(hold);
        if (scope.types().isEmpty()) {
            return;
        }
        String query = state == AckState.ALL ? "ALL" : state == AckState.ACKNOWLEDGED ? "ACKNOWLEDGED" : "PENDING";
        Pageable page = PageRequest.of(0, 500,
                Sort.by("code"));
        while (true) {
            Page<StoreAcknowledgementRow> rows = holds.storeRows(hold.getId(), scope.types(), scope.everywhere(),
                    scope.regions(), scope.stores(), query, hold.getPlacedAt(), page);
            rows.forEach(each);
            if (!rows.hasNext()) {
                return;
            }
            page = rows.nextPageable();
        }
    }

    // ---------------------------------------------------------------- the store manager's own store

    /** The scheduled and active holds that reach the signed-in store manager's store, with its acknowledgements. */
    @PreAuthorize(HoldService.STORE_MANAGERS)
    public List<StoreHold> holdsOfMyStore() {
        Store store = catalog.getStore(HoldService.myStoreCode());
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
            return new StoreHold(summaries.summary(h, now), store.getCode(),
                    ack == null ? null : ack.getAcknowledgedAt(), ack == null ? null : ack.getAcknowledgedBy(),
                    ack == null && deadlinePassed(h, now));
        }).toList();
    }

    /**
     * The signed-in store manager acknowledges a hold for their own store (never for a store named in the request).
     * Acknowledging twice keeps the first acknowledgement.
     */
    @Transactional
    @PreAuthorize(HoldService.STORE_MANAGERS)
    public StoreHold acknowledge(long holdId) {
        return acknowledgeAt(holdId, clock.instant());
    }

    /** Acknowledges at a given time: the 2009 replay's stores acknowledge within hours of each hold, in 2009. */
    @Transactional
    @PreAuthorize(HoldService.STORE_MANAGERS)
    StoreHold acknowledgeAt(long holdId, Instant now) {
        Store store = catalog.getStore(HoldService.myStoreCode());
        SalesHold hold = summaries.find(holdId);
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
        return new StoreHold(summaries.summary(hold, now), store.getCode(), ack.getAcknowledgedAt(),
                ack.getAcknowledgedBy(), false);
    }

    // ---------------------------------------------------------------- helpers

    private static boolean deadlinePassed(SalesHold h, Instant now) {
        return deadlinePassed(h.statusAt(now), h.getAckDeadline(), now);
    }

    private static boolean deadlinePassed(HoldStatus status, Instant deadline, Instant now) {
        return (status == HoldStatus.ACTIVE || status == HoldStatus.SCHEDULED) && now.isAfter(deadline);
    }
}
