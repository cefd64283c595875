package org.outagedesk.catalog;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which stores something goes to: every store ({@code all}), or the stores of some regions and some stores by code
 * (both together add up). Open or closed is decided by whoever reads it.
 */
public record StoreSelection(boolean all, List<String> regions, List<String> codes) {

    public StoreSelection {
        regions = List.copyOf(regions);
        codes = List.copyOf(codes);
    }

    public boolean isEmpty() {
        return !all && regions.isEmpty() && codes.isEmpty();
    }

    Specification<Store> spec(boolean openOnly) {
        Specification<Store> spec;
        if (all) {
            spec = Specification.unrestricted();
        } else if (isEmpty()) {
            spec = (r, q, cb) -> cb.disjunction();
        } else {
            spec = (r, q, cb) -> {
                var or = new ArrayList<Predicate>();
                if (!regions.isEmpty()) {
                    or.add(r.get("region").in(regions));
                }
                if (!codes.isEmpty()) {
                    or.add(r.get("code").in(codes));
                }
                return cb.or(or.toArray(Predicate[]::new));
            };
        }
        return openOnly ? spec.and((r, q, cb) -> cb.isNull(r.get("closedAt"))) : spec;
    }
}
