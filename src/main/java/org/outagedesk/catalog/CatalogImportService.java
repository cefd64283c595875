package org.outagedesk.catalog;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.CsvImportException.RowError;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.IncidentManagersOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * CSV imports of the catalog (SKUs, stores, regions), by incident managers: a file is read and checked whole, then
 * applied in one transaction (all or nothing, or the good rows only), audited once and published as one
 * {@link CatalogChanged}. The columns are {@link CatalogService}'s, which also keeps the single changes and hands the
 * screen's and the API's import calls here.
 */
@Service
@Transactional(readOnly = true)
public class CatalogImportService {

    /** stores.csv files written before e-mail and zone existed have only these; the zone is then the region's. */
    private static final List<String> STORE_REQUIRED = List.of("code", "name", "region", "city", "type");
    private static final List<String> REGION_REQUIRED = List.of("name", "zone");
    private static final int BATCH = 500;

    private final StoreRepository stores;
    private final SkuRepository skus;
    private final RegionRepository regions;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxBytes;
    private final int maxRows;

    @PersistenceContext
    private EntityManager entityManager;

    CatalogImportService(StoreRepository stores, SkuRepository skus, RegionRepository regions, AuditService audit,
            ApplicationEventPublisher events, Clock clock,
            @Value("${outagedesk.catalog.import.max-file-size:10MB}") DataSize maxFileSize,
            @Value("${outagedesk.catalog.import.max-rows:100000}") int maxRows) {
        this.stores = stores;
        this.skus = skus;
        this.regions = regions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.maxBytes = maxFileSize.toBytes();
        this.maxRows = maxRows;
    }

    /** Loads SKUs from CSV ({@code code,model,colour,family}): new codes added, known codes updated. */
    @Transactional
    @IncidentManagersOnly
    public CatalogImportResult importSkus(InputStream csv, String fileName, CatalogImportMode mode) {
        return importRows("SKUs", fileName, mode, csv, CatalogService.SKU_COLUMNS, List.of(),
                row -> CatalogRules.sku(new SkuDetails(row.get("code"), row.get("model"), row.get("colour"),
                        row.get("family"))),
                SkuDetails::code,
                d -> {
                    Optional<Sku> existing = skus.findByCode(d.code());
                    if (existing.isEmpty()) {
                        skus.save(Sku.of(d));
                        return Outcome.ADDED;
                    }
                    if (!existing.get().differsFrom(d)) {
                        return Outcome.UNCHANGED;
                    }
                    existing.get().update(d);
                    return Outcome.UPDATED;
                });
    }

    /**
     * Loads stores from CSV ({@code code,name,region,city,type[,email,zone,closed]}); the region must exist; a
     * missing or empty zone is the region's. {@code closed}: {@code true} closes an open store; anything else leaves
     * the store as it is (import never reopens a store).
     */
    @Transactional
    @IncidentManagersOnly
    public CatalogImportResult importStores(InputStream csv, String fileName, CatalogImportMode mode) {
        Map<String, String> zones = new HashMap<>();
        regions.findAll().forEach(r -> zones.put(r.getName(), r.getZone().getId()));
        Map<String, Boolean> closing = new HashMap<>();
        String actor = CurrentActor.username();
        return importRows("stores", fileName, mode, csv, STORE_REQUIRED, List.of("email", "zone", "closed"),
                row -> {
                    CatalogRules.Checked<StoreDetails> checked = CatalogRules.store(new StoreDetails(row.get("code"),
                            row.get("name"), row.get("region"), row.get("city"), row.get("type"), row.get("email"),
                            row.get("zone")), zones::get);
                    String closed = row.get("closed") == null ? "" : row.get("closed").strip()
                            .toLowerCase(Locale.ROOT);
                    if (!closed.isEmpty() && !closed.equals("true") && !closed.equals("false")) {
                        Map<String, String> errors = new LinkedHashMap<>(checked.errors());
                        errors.put("closed", "is true, false or empty");
                        return new CatalogRules.Checked<>(null, errors);
                    }
                    if (checked.ok()) {
                        closing.put(checked.value().code(), closed.equals("true"));
                    }
                    return checked;
                },
                StoreDetails::code,
                d -> {
                    Optional<Store> existing = stores.findByCode(d.code());
                    boolean close = closing.getOrDefault(d.code(), false);
                    if (existing.isEmpty()) {
                        Store store = stores.save(Store.of(d));
                        if (close) {
                            store.close(actor, clock.instant());
                        }
                        return Outcome.ADDED;
                    }
                    Store store = existing.get();
                    boolean changed = store.differsFrom(d) || (close && !store.isClosed());
                    if (!changed) {
                        return Outcome.UNCHANGED;
                    }
                    store.update(d);
                    if (close && !store.isClosed()) {
                        store.close(actor, clock.instant());
                        audit.record("STORE_CLOSED", "Store", store.getCode(), store.getName() + " closed by import");
                    }
                    return Outcome.UPDATED;
                });
    }

    /** Loads regions from CSV ({@code name,zone[,escalation_name,escalation_email]}), by name. */
    @Transactional
    @IncidentManagersOnly
    public CatalogImportResult importRegions(InputStream csv, String fileName, CatalogImportMode mode) {
        return importRows("regions", fileName, mode, csv, REGION_REQUIRED,
                List.of("escalation_name", "escalation_email"),
                row -> CatalogRules.region(new RegionDetails(row.get("name"), row.get("zone"),
                        row.get("escalation_name"), row.get("escalation_email"))),
                RegionDetails::name,
                d -> {
                    Optional<Region> existing = regions.findByName(d.name());
                    if (existing.isEmpty()) {
                        regions.save(Region.of(d));
                        return Outcome.ADDED;
                    }
                    if (!existing.get().differsFrom(d)) {
                        return Outcome.UNCHANGED;
                    }
                    existing.get().update(d);
                    return Outcome.UPDATED;
                });
    }

    private enum Outcome {
        ADDED, UPDATED, UNCHANGED
    }

    /**
     * The shared import: reads and checks every row first (a code twice in the file is refused from its second
     * row on), then, unless a bad row refuses the file, applies the good rows in this transaction, flushing in
     * batches; audits once and publishes one {@link CatalogChanged}.
     */
    private <T> CatalogImportResult importRows(String what, String fileName, CatalogImportMode mode, InputStream csv,
            List<String> required, List<String> optional,
            Function<CatalogCsv.Row, CatalogRules.Checked<T>> check, Function<T, String> code,
            Function<T, Outcome> apply) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        List<T> good = new ArrayList<>();
        long[] rejected = {0};
        RowError fileProblem = CatalogCsv.read(csv, required, optional, maxBytes, maxRows, row -> {
            CatalogRules.Checked<T> checked = check.apply(row);
            if (!checked.ok()) {
                checked.errors().forEach((field, message) -> errors.add(new RowError(row.line(), field, message)));
                rejected[0]++;
                return;
            }
            String key = code.apply(checked.value());
            Long first = firstLine.putIfAbsent(key, row.line());
            if (first != null) {
                errors.add(new RowError(row.line(), required.getFirst(), key + " appears more than once in the file"
                        + " (first on line " + first + ")"));
                rejected[0]++;
                return;
            }
            good.add(checked.value());
        }, errors);
        if (fileProblem != null) {
            return CatalogImportResult.refused(fileProblem);
        }
        // rows with the wrong number of cells were reported by the reader, not checked
        long badShape = errors.stream().filter(e -> e.field().equals("row")).count();
        rejected[0] += badShape;
        errors.sort(Comparator.comparingLong(RowError::line));
        boolean truncated = errors.size() > CatalogImportResult.MAX_LISTED_ERRORS;
        List<RowError> listed = List.copyOf(truncated ? errors.subList(0, CatalogImportResult.MAX_LISTED_ERRORS)
                : errors);
        if (rejected[0] > 0 && mode == CatalogImportMode.ALL_OR_NOTHING) {
            return new CatalogImportResult(false, 0, 0, 0, rejected[0], listed, truncated);
        }
        long added = 0;
        long updated = 0;
        long unchanged = 0;
        int n = 0;
        for (T value : good) {
            switch (apply.apply(value)) {
                case ADDED -> added++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
            if (++n % BATCH == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        audit.record("CATALOG_IMPORTED", switch (what) {
            case "SKUs" -> "Sku";
            case "stores" -> "Store";
            default -> "Region";
        }, null, CatalogRules.cut(fileName) + ": " + added + " " + what + " added, " + updated + " updated, "
                + unchanged + " unchanged, " + rejected[0] + " rejected (" + mode + ")");
        if (added + updated > 0) {
            events.publishEvent(new CatalogChanged(what));
        }
        return new CatalogImportResult(true, added, updated, unchanged, rejected[0], listed, truncated);
    }
}
