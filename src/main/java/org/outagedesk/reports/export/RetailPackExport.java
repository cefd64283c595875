package org.outagedesk.reports.export;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.UserIdentity;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldStatus;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.SaleStatus;
import org.outagedesk.holds.SaleStatusService;
import org.outagedesk.holds.SaleViolation;
import org.outagedesk.holds.SalesService;
import org.outagedesk.holds.StoreAcknowledgementRow;
import org.outagedesk.holds.StoreHold;
import org.outagedesk.holds.ViolationFilter;
import org.outagedesk.incident.IncidentBulletin;
import org.outagedesk.incident.Notice;
import org.outagedesk.incident.TimelineService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retail pack: what stores need during an outage, for one store, a region or all stores. Sheets "Sale status"
 * (SKU x store), "Acknowledgements" (current holds x store), "Customer guidance" (the retail bulletin of each open
 * incident) and "Violations" (sales during a hold). Store managers get their own store's pack only (asking for
 * another store or a region is refused), with that store's violations; executives and
 * incident managers any scope. Everything is read through the features' own services, so their role checks apply.
 */
@Service
public class RetailPackExport {

    static final String READERS = "hasAnyRole('" + AppRoles.STORE_MANAGER + "','" + AppRoles.INCIDENT_MANAGER
            + "','" + AppRoles.EXECUTIVE + "')";
    /** Who gets the pack of every store (a store manager gets their own store's); the hold list offers it to them. */
    public static final String ALL_STORES = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.EXECUTIVE
            + "')";
    private static final int PAGE = 500;

    static final List<Column> SALE_STATUS = List.of(Column.text("SKU", 14), Column.text("Model", 24),
            Column.text("Store", 14), Column.text("Store name", 28), Column.text("Region", 14),
            Column.text("Channel", 10), Column.text("Status", 10), Column.dateTime("On hold since"),
            Column.text("Why", 50), Column.text("Holds", 10));
    static final List<Column> ACKNOWLEDGEMENTS = List.of(Column.count("Hold"), Column.text("Covers", 24),
            Column.text("Store", 14), Column.text("Store name", 28), Column.text("Region", 14),
            Column.text("State", 14), Column.dateTime("Acknowledged at"), Column.text("Acknowledged by", 16),
            Column.dateTime("Deadline"));
    static final List<Column> GUIDANCE = List.of(Column.count("Incident"), Column.text("Incident title", 40),
            Column.text("Kind", 14), Column.text("Type", 20), Column.text("Visibility", 18),
            Column.dateTime("Time"), Column.text("What to tell customers / do", 100));
    static final List<Column> VIOLATIONS = List.of(Column.dateTime("Sold at"), Column.text("Store", 14),
            Column.text("Store name", 28), Column.text("Region", 14), Column.text("SKU", 14),
            Column.count("Quantity"), Column.count("Hold"), Column.text("Hold reason", 50), Column.count("Incident"));

    /** What the pack is about, checked against the caller. */
    public record Scope(@Nullable String store, @Nullable String region) {

        String describe() {
            return store != null ? "store " + store : region != null ? "region " + region : "all stores";
        }

        String fileSuffix() {
            return store != null ? store : region != null ? region.replaceAll("[^A-Za-z0-9-]", "_") : "all";
        }

        boolean includes(String storeCode, String storeRegion) {
            return store != null ? store.equals(storeCode) : region == null || region.equals(storeRegion);
        }
    }

    private final SaleStatusService saleStatus;
    private final SalesService sales;
    private final HoldService holds;
    private final TimelineService timeline;
    private final CatalogService catalog;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate writeTx;

    RetailPackExport(SaleStatusService saleStatus, SalesService sales, HoldService holds, TimelineService timeline,
            CatalogService catalog, AuditService audit, Clock clock, PlatformTransactionManager transactions) {
        this.saleStatus = saleStatus;
        this.sales = sales;
        this.holds = holds;
        this.timeline = timeline;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.writeTx = new TransactionTemplate(transactions);
    }

    /** The scope the caller may have: a store manager only their own store (refused otherwise, as a 403). */
    @PreAuthorize(READERS)
    public Scope scope(@Nullable String store, @Nullable String region) {
        String s = store == null || store.isBlank() ? null : store.strip().toUpperCase(Locale.ROOT);
        String r = region == null || region.isBlank() ? null : region.strip();
        if (CurrentActor.hasRole(AppRoles.STORE_MANAGER)) {
            String own = CurrentActor.identity().map(UserIdentity::storeCode).orElse(null);
            if (own == null || (s != null && !s.equals(own)) || r != null) {
                throw new AccessDeniedException("A store manager gets the retail pack of their own store only");
            }
            return new Scope(own, null);
        }
        if (s != null) {
            catalog.getStore(s);
            return new Scope(s, null);
        }
        if (r != null && !catalog.regions().contains(r)) {
            throw new DomainException("region", "'" + r + "' is not one of " + catalog.regions());
        }
        return new Scope(null, r);
    }

    @PreAuthorize(READERS)
    public String fileName(Scope scope) {
        return "retail-pack-" + scope.fileSuffix() + "-" + clock.instant().atZone(zone()).toLocalDate() + ".xlsx";
    }

    /** Writes the pack as XLSX (the stream is not closed). */
    @PreAuthorize(READERS)
    public void write(Scope scope, OutputStream out) {
        writeTx.executeWithoutResult(s -> audit.record("RETAIL_PACK_EXPORTED", "Store", scope.store(),
                "Retail pack of " + scope.describe()));
        List<IncidentBulletin> bulletins = timeline.retailGuidance();
        ZoneId zone = bulletins.isEmpty() ? ZoneOffset.UTC : bulletins.getFirst().referenceZone();
        try (XlsxReport x = new XlsxReport("Retail pack", scope.describe(), CurrentActor.username(),
                clock.instant(), zone)) {
            saleStatus(scope, x.table("Sale status", SALE_STATUS));
            acknowledgements(scope, x.table("Acknowledgements", ACKNOWLEDGEMENTS));
            guidance(bulletins, x.table("Customer guidance", GUIDANCE));
            violations(scope, x.table("Violations", VIOLATIONS));
            x.write(out);
        }
    }

    private ZoneId zone() {
        List<IncidentBulletin> bulletins = timeline.retailGuidance();
        return bulletins.isEmpty() ? ZoneOffset.UTC : bulletins.getFirst().referenceZone();
    }

    private void saleStatus(Scope scope, TableWriter t) {
        var models = catalog.skus().stream().collect(Collectors.toMap(k -> k.getCode(), k -> k.getModel()));
        if (scope.store() == null && scope.region() == null) {
            for (SaleStatus st : saleStatus.statusOfStore(null)) {
                saleRow(t, st, null, models.get(st.sku()));
            }
        }
        forEachStore(scope, store -> {
            for (SaleStatus st : saleStatus.statusOfStore(store.getCode())) {
                saleRow(t, st, store, models.get(st.sku()));
            }
        });
    }

    private static void saleRow(TableWriter t, SaleStatus st, @Nullable Store store, @Nullable String model) {
        Instant since = st.holds().stream().map(SaleStatus.HoldRef::effectiveFrom).min(Comparator.naturalOrder())
                .orElse(null);
        t.row(st.sku(), model, store == null ? "ONLINE" : store.getCode(), store == null ? "Online" : store.getName(),
                store == null ? null : store.getRegion(), st.channel().name(), st.sellable() ? "Sellable"
                        : SaleStatus.STORE_CLOSED.equals(st.reason()) ? "Store closed" : "On hold",
                since, st.holds().stream().map(SaleStatus.HoldRef::reason).distinct()
                        .collect(Collectors.joining(" | ")),
                st.holds().stream().map(h -> String.valueOf(h.id())).collect(Collectors.joining(", ")));
    }

    private void forEachStore(Scope scope, Consumer<Store> each) {
        if (scope.store() != null) {
            each.accept(catalog.getStore(scope.store()));
            return;
        }
        Pageable p = PageRequest.of(0, PAGE, Sort.by("code"));
        Page<Store> page;
        do {
            page = catalog.findStores(null, scope.region(), p);
            page.forEach(each);
            p = p.next();
        } while (page.hasNext());
    }

    private void acknowledgements(Scope scope, TableWriter t) {
        if (CurrentActor.hasRole(AppRoles.STORE_MANAGER)) {
            Store store = catalog.getStore(scope.store());
            for (StoreHold h : holdsOfMyStore()) {
                t.row(h.hold().id(), h.hold().coverage(), store.getCode(), store.getName(), store.getRegion(),
                        h.acknowledged() ? "ACKNOWLEDGED" : h.overdue() ? "OVERDUE" : "PENDING", h.acknowledgedAt(),
                        h.acknowledgedBy(), h.hold().ackDeadline());
            }
            return;
        }
        List<HoldSummary> current = new ArrayList<>();
        for (var status : List.of(HoldStatus.ACTIVE, HoldStatus.SCHEDULED)) {
            Pageable p = PageRequest.of(0, PAGE, Sort.by("id"));
            Page<HoldSummary> page;
            do {
                page = holds.find(status, null, p);
                current.addAll(page.getContent());
                p = p.next();
            } while (page.hasNext());
        }
        for (HoldSummary hold : current) {
            Pageable p = PageRequest.of(0, PAGE);
            Page<StoreAcknowledgementRow> page;
            do {
                page = holds.stores(hold.id(), HoldService.AckState.ALL, p);
                for (StoreAcknowledgementRow row : page) {
                    if (scope.includes(row.storeCode(), row.region())) {
                        t.row(hold.id(), hold.coverage(), row.storeCode(), row.storeName(), row.region(),
                                holds.stateOf(hold, row).name(), row.acknowledgedAt(), row.acknowledgedBy(),
                                hold.ackDeadline());
                    }
                }
                p = p.next();
            } while (page.hasNext());
        }
    }

    private List<StoreHold> holdsOfMyStore() {
        return holds.holdsOfMyStore();
    }

    private static void guidance(List<IncidentBulletin> bulletins, TableWriter t) {
        for (IncidentBulletin b : bulletins) {
            for (Notice n : b.guidance()) {
                t.row(b.incidentId(), b.title(), "Guidance", n.type().name(), n.visibility().name(), n.occurredAt(),
                        n.text());
            }
            for (Notice n : b.updates()) {
                t.row(b.incidentId(), b.title(), "Update", n.type().name(), n.visibility().name(), n.occurredAt(),
                        n.text());
            }
        }
    }

    private void violations(Scope scope, TableWriter t) {
        // a store manager sees their own store's violations, never another store's (the service picks the store)
        boolean ownStore = !CurrentActor.allows(ALL_STORES);
        ViolationFilter filter = new ViolationFilter(null, null, scope.region(), scope.store());
        Pageable p = PageRequest.of(0, PAGE, Sort.by(Sort.Direction.DESC, "soldAt").and(Sort.by("id")));
        Page<SaleViolation> page;
        do {
            page = ownStore ? sales.violationsOfMyStore(p) : sales.violations(filter, p);
            for (SaleViolation v : page) {
                t.row(v.getSoldAt(), v.getStoreCode(), v.getStoreName(), v.getRegion(), v.getSkuCode(),
                        v.getQuantity(), v.getHoldId(), v.getHoldReason(), v.getIncidentId());
            }
            p = p.next();
        } while (page.hasNext());
    }
}
