package org.outagedesk.holds;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.catalog.StoreType;
import org.springframework.stereotype.Component;

/**
 * A stored hold as the services hand it out: found by id, and summarised with the stores it reaches counted at the
 * moment asked. Shared by {@link HoldService} (placing, lifting, reading) and {@link HoldAcknowledgementService}
 * (acknowledging), so neither needs the other; no role checks here, its callers make them.
 */
@Component
class HoldSummaries {

    /** Stands in for an empty list in "x in :list" (some databases refuse an empty IN list); no store or region has this code. */
    static final String NONE = "(none)";

    private final SalesHoldRepository holds;

    HoldSummaries(SalesHoldRepository holds) {
        this.holds = holds;
    }

    SalesHold find(long holdId) {
        return holds.findById(holdId).orElseThrow(() -> new NotFoundException("Hold", holdId));
    }

    HoldSummary summary(SalesHold h, Instant now) {
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

    /** The store part of a hold in the shape the store queries take. */
    record Scope(List<StoreType> types, boolean everywhere, Collection<String> regions,
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
