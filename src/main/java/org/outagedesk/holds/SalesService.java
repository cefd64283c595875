package org.outagedesk.holds;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CsvFileProblems;
import org.outagedesk.base.CsvImportException.RowError;
import org.outagedesk.base.CsvImportException;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DateBounds;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.Text;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales that tills report, one at a time or as a daily file, each judged by a query on the holds as they were
 * when the sale was made: a sale of a held SKU while a hold applied at that store is a violation. (The till's
 * question, may this SKU be sold now, is {@link SaleStatusService}'s.)
 */
@Service
@Transactional(readOnly = true)
public class SalesService {

    /** Who may report sales (a till's sale, the daily sales file). Named once here; the controller uses it too. */
    public static final String REPORTERS = "hasAnyRole('" + AppRoles.POS + "','" + AppRoles.INCIDENT_MANAGER + "')";
    /** Who may read the violations of every store. Named once here; the controller uses it too. */
    public static final String VIOLATION_READERS = "hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','"
            + AppRoles.EXECUTIVE + "')";
    static final List<String> SALES_COLUMNS = List.of("store", "sku", "quantity", "soldat");
    static final int MAX_QUANTITY = 10_000;
    /** Till clocks drift: a sale a few minutes "in the future" is accepted. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int BATCH = 500;
    /** Checking a refused file stops at this many problems (the report says it was truncated). */
    public static final int MAX_ERRORS = 200;

    private final SalesHoldRepository holds;
    private final SaleRepository sales;
    private final SaleViolationRepository violations;
    private final CatalogService catalog;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DateBounds dates;

    @PersistenceContext
    private EntityManager entityManager;

    SalesService(SalesHoldRepository holds, SaleRepository sales, SaleViolationRepository violations,
            CatalogService catalog, AuditService audit, Clock clock, DateBounds dates,
            ApplicationEventPublisher events) {
        this.holds = holds;
        this.sales = sales;
        this.violations = violations;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.dates = dates;
        this.events = events;
    }

    /** Records a till's sale; a sale of a held SKU while the hold applied at that store is a violation. */
    @Transactional
    @PreAuthorize(REPORTERS)
    public RecordedSale recordSale(NewSale request) {
        if (request.store() == null || request.store().isBlank()) {
            throw new DomainException("store", "Name the store where the sale was made");
        }
        if (request.sku() == null || request.sku().isBlank()) {
            throw new DomainException("sku", "Name the SKU that was sold");
        }
        Store store = catalog.getStore(request.store().strip());
        Sku sku = catalog.getSku(request.sku().strip());
        int quantity = request.quantity() == null ? 1 : request.quantity();
        Instant now = clock.instant();
        String problem = checkQuantity(quantity);
        if (problem != null) {
            throw new DomainException("quantity", problem);
        }
        if (request.soldAt() == null) {
            throw new DomainException("soldAt", "Give the time of the sale (ISO-8601, e.g. 2009-10-12T21:00:00Z)");
        }
        problem = checkSoldAt(request.soldAt(), now);
        if (problem != null) {
            throw new DomainException("soldAt", problem);
        }
        Sale sale = sales.save(new Sale(store.getCode(), sku.getCode(), quantity, request.soldAt(), now,
                CurrentActor.username()));
        HoldBook.Place place = HoldBook.Place.of(store);
        List<SalesHold> broken = holds.reachingStore(place.channel(), place.region(), place.code()).stream()
                .filter(h -> h.terms().stops(sku.getCode(), sku.getFamily(), place.channel(), place,
                        request.soldAt())).toList();
        for (SalesHold hold : broken) {
            events.publishEvent(SaleViolationFound.of(violations.save(new SaleViolation(sale, hold, store.getName(),
                    store.getRegion()))));
        }
        if (!broken.isEmpty()) {
            // Clean sales are their own record (who reported, when); a violation is worth a line in the audit trail.
            audit.record("SALE_VIOLATION_RECORDED", "Sale", sale.getId(), quantity + " x " + sku.getCode() + " sold at "
                    + store.getCode() + " during hold(s) " + broken.stream().map(h -> "#" + h.getId()).toList());
        }
        return new RecordedSale(sale.getId(), store.getCode(), sku.getCode(), quantity, sale.getSoldAt(),
                !broken.isEmpty(), broken.stream().map(SaleStatus.HoldRef::of).toList());
    }

    /**
     * Loads a daily sales file ({@code store,sku,quantity,soldAt}; soldAt an ISO-8601 instant). All or nothing: any
     * bad row refuses the whole file with every problem listed by line and field. Rows are streamed and saved in
     * batches, so a file of any size does not have to fit in memory.
     */
    @Transactional
    @PreAuthorize(REPORTERS)
    public SalesImportResult importSales(Reader csv, String fileName) {
        Instant now = clock.instant();
        String actor = CurrentActor.username();
        List<RowError> errors = new ArrayList<>();
        Map<String, Optional<Store>> stores = new HashMap<>();
        Map<String, Optional<Sku>> skus = new HashMap<>();
        Map<String, List<Reaching>> holdsByStore = new HashMap<>();
        List<Sale> batch = new ArrayList<>(BATCH);
        long count = 0;
        long broken = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            if (!header.equals(SALES_COLUMNS)) {
                throw new CsvImportException(fileName, List.of(new RowError(1, "header",
                        "expected the columns store,sku,quantity,soldAt but found "
                                + Text.quote(String.join(",", header)))));
            }
            Iterator<CSVRecord> rows = parser.iterator();
            while (true) {
                CSVRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (IllegalStateException | UncheckedIOException e) {
                    errors.add(CsvFileProblems.unreadable(e, parser.getCurrentLineNumber() + 1));
                    break;
                }
                long line = row.getRecordNumber() + 1;
                if (row.size() != SALES_COLUMNS.size()) {
                    errors.add(new RowError(line, "row", "expected 4 columns, found " + row.size()));
                    continue;
                }
                Store store = stores.computeIfAbsent(row.get(0), catalog::findStore).orElse(null);
                if (store == null) {
                    errors.add(new RowError(line, "store", "store '" + Text.quote(row.get(0)) + "' does not exist"));
                }
                Sku sku = skus.computeIfAbsent(row.get(1), catalog::findSku).orElse(null);
                if (sku == null) {
                    errors.add(new RowError(line, "sku", "SKU '" + Text.quote(row.get(1)) + "' does not exist"));
                }
                int quantity = 0;
                try {
                    quantity = Integer.parseInt(row.get(2));
                    String problem = checkQuantity(quantity);
                    if (problem != null) {
                        errors.add(new RowError(line, "quantity", problem));
                    }
                } catch (NumberFormatException e) {
                    errors.add(new RowError(line, "quantity", "'" + row.get(2) + "' is not a whole number"));
                }
                Instant soldAt = null;
                try {
                    soldAt = Instant.parse(row.get(3));
                    String problem = checkSoldAt(soldAt, now);
                    if (problem != null) {
                        errors.add(new RowError(line, "soldAt", problem));
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new RowError(line, "soldAt",
                            "'" + Text.quote(row.get(3)) + "' is not an ISO-8601 instant such as 2009-10-12T21:00:00Z"));
                }
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
                if (!errors.isEmpty()) {
                    continue; // the file will be refused: stop writing, keep checking
                }
                Sale sale = new Sale(store.getCode(), sku.getCode(), quantity, soldAt, now, actor);
                batch.add(sale);
                count++;
                if (batch.size() == BATCH) {
                    broken += flush(batch, stores, skus, holdsByStore);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + fileName, e);
        } catch (IllegalStateException | UncheckedIOException | IllegalArgumentException e) {
            // the header line itself (an open quote, a column named twice); the parser's message is not for people
            errors.add(new RowError(1, "header", "not a readable CSV header: the first line must be"
                    + " store,sku,quantity,soldAt"));
        }
        if (!errors.isEmpty()) {
            throw new CsvImportException(fileName, errors);
        }
        broken += flush(batch, stores, skus, holdsByStore);
        audit.record("SALES_IMPORTED", "Sale", null, fileName + ": " + count + " sales, " + broken
                + " sold during a hold");
        return SalesImportResult.imported(count, broken);
    }

    /** A hold that reaches a store of the sales file, with its terms read once for every row of that store. */
    private record Reaching(SalesHold hold, HoldTerms terms) {
    }

    /** Saves a batch of sales and their violations, then empties the persistence context to keep memory flat. */
    private long flush(List<Sale> batch, Map<String, Optional<Store>> stores, Map<String, Optional<Sku>> skus,
            Map<String, List<Reaching>> holdsByStore) {
        if (batch.isEmpty()) {
            return 0;
        }
        sales.saveAll(batch);
        long broken = 0;
        for (Sale sale : batch) {
            Store store = stores.get(sale.getStoreCode()).orElseThrow();
            Sku sku = skus.get(sale.getSkuCode()).orElseThrow();
            HoldBook.Place place = HoldBook.Place.of(store);
            // the terms are read now, while the entities are attached: they outlive the batch detached
            List<Reaching> reaching = holdsByStore.computeIfAbsent(store.getCode(), code -> holds.reachingStore(
                    place.channel(), place.region(), code).stream().map(h -> new Reaching(h, h.terms())).toList());
            for (Reaching r : reaching) {
                if (r.terms().stops(sku.getCode(), sku.getFamily(), place.channel(), place, sale.getSoldAt())) {
                    events.publishEvent(SaleViolationFound.of(violations.save(new SaleViolation(sale, r.hold(),
                            store.getName(), store.getRegion()))));
                    broken++;
                }
            }
        }
        entityManager.flush();
        entityManager.clear();
        batch.clear();
        return broken;
    }

    /** The signed-in store manager's own store's violations (never another store's), for its retail pack. */
    @PreAuthorize(HoldService.STORE_MANAGERS)
    public Page<SaleViolation> violationsOfMyStore(Pageable pageable) {
        return violations.findAll(spec(new ViolationFilter(null, null, null, HoldService.myStoreCode())), pageable);
    }

    @PreAuthorize(VIOLATION_READERS)
    public Page<SaleViolation> violations(ViolationFilter filter, Pageable pageable) {
        return violations.findAll(spec(filter), pageable);
    }

    @PreAuthorize(VIOLATION_READERS)
    public long countViolations(ViolationFilter filter) {
        return violations.count(spec(filter));
    }

    private static Specification<SaleViolation> spec(ViolationFilter f) {
        Specification<SaleViolation> spec = Specification.unrestricted();
        if (f.incidentId() != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("incidentId"), f.incidentId()));
        }
        if (f.holdId() != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("holdId"), f.holdId()));
        }
        if (f.region() != null && !f.region().isBlank()) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("region"), f.region()));
        }
        if (f.store() != null && !f.store().isBlank()) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("storeCode"), f.store().strip()));
        }
        return spec;
    }

    private static @Nullable String checkQuantity(int quantity) {
        return quantity < 1 || quantity > MAX_QUANTITY ? "must be between 1 and " + MAX_QUANTITY : null;
    }

    private @Nullable String checkSoldAt(Instant soldAt, Instant now) {
        String outside = dates.problem(soldAt);
        if (outside != null) {
            return outside;
        }
        return soldAt.isAfter(now.plus(CLOCK_SKEW)) ? "is in the future" : null;
    }
}
