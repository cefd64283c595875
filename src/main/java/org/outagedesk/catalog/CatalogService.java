package org.outagedesk.catalog;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.CsvImportException.RowError;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.ui.Words;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The carrier's SKUs, stores and regions: reference data every other feature looks up. Everybody signed in may read
 * it; incident managers change it (CSV import, add, edit, close a store). Every change is audited and published as
 * {@link CatalogChanged}. Codes (and region names) never change once in use; stores are closed, never deleted.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class CatalogService {


    public static final List<String> SKU_COLUMNS = List.of("code", "model", "colour", "family");
    public static final List<String> STORE_COLUMNS = List.of("code", "name", "region", "city", "type", "email",
            "zone", "closed");
    /** stores.csv files written before e-mail and zone existed have only these; the zone is then the region's. */
    static final List<String> STORE_REQUIRED = List.of("code", "name", "region", "city", "type");
    public static final List<String> REGION_COLUMNS = List.of("name", "zone", "escalation_name",
            "escalation_email");
    static final List<String> REGION_REQUIRED = List.of("name", "zone");
    private static final int FLUSH_EVERY = 500;

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

    CatalogService(StoreRepository stores, SkuRepository skus, RegionRepository regions, AuditService audit,
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

    // ---------------------------------------------------------------- reading (everyone signed in)

    public Optional<Store> findStore(String code) {
        return stores.findByCode(code);
    }

    public Store getStore(String code) {
        return stores.findByCode(code).orElseThrow(() -> new NotFoundException("Store", code));
    }

    public Optional<Sku> findSku(String code) {
        return skus.findByCode(code);
    }

    public Sku getSku(String code) {
        return skus.findByCode(code).orElseThrow(() -> new NotFoundException("SKU", code));
    }

    /** Stores matching a text (code, name or city) and optionally one region, a page at a time. */
    public Page<Store> findStores(@Nullable String text, @Nullable String region, Pageable pageable) {
        return stores.findAll(storeFilter(text, region), pageable);
    }

    public long countStores(@Nullable String text, @Nullable String region) {
        return stores.count(storeFilter(text, region));
    }

    /** The names of every region, alphabetically. */
    public List<String> regions() {
        return regions.findAllByOrderByName().stream().map(Region::getName).toList();
    }

    /** Every region (tens of them) with its zone and escalation contact, by name. */
    public List<Region> regionList() {
        return regions.findAllByOrderByName();
    }

    public Optional<Region> findRegion(String name) {
        return regions.findByName(name);
    }

    /** All SKUs (tens of them), by family then model. */
    public List<Sku> skus() {
        return skus.findAll(Sort.by("family", "model", "colour"));
    }

    public long countSkus() {
        return skus.count();
    }

    public List<Sku> skusOfFamily(String family) {
        return skus.findByFamily(family, Sort.by("model", "colour"));
    }

    public List<String> families() {
        return skus.findFamilies();
    }

    /** Every store by code, read a page at a time (exports): memory stays flat at any number of stores. */
    public void forEachStore(Consumer<Store> consumer) {
        Pageable page = PageRequest.of(0, FLUSH_EVERY, Sort.by("code"));
        while (true) {
            Page<Store> p = stores.findAll(page);
            p.forEach(consumer);
            entityManager.clear();
            if (!p.hasNext()) {
                return;
            }
            page = p.nextPageable();
        }
    }

    /** How many stores a selection reaches, open ones only or closed ones too. */
    public long countStores(StoreSelection selection, boolean openOnly) {
        return stores.count(selection.spec(openOnly));
    }

    /** The codes among {@code codes} (a bounded list) that name no store. */
    public List<String> unknownStoreCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        Set<String> known = new HashSet<>();
        stores.findAll((r, q, cb) -> r.get("code").in(codes)).forEach(s -> known.add(s.getCode()));
        return codes.stream().filter(c -> !known.contains(c)).distinct().toList();
    }

    /** The open stores of a selection by code, read a page at a time: memory stays flat at any number of stores. */
    public void forEachOpenStore(StoreSelection selection, int pageSize, Consumer<List<Store>> eachPage) {
        Pageable page = PageRequest.of(0, Math.max(1, Math.min(pageSize, FLUSH_EVERY)), Sort.by("code"));
        while (true) {
            Page<Store> p = stores.findAll(selection.spec(true), page);
            eachPage.accept(p.getContent());
            entityManager.clear();
            if (!p.hasNext()) {
                return;
            }
            page = p.nextPageable();
        }
    }

    private static Specification<Store> storeFilter(@Nullable String text, @Nullable String region) {
        Specification<Store> spec = Specification.unrestricted();
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            spec = spec.and((root, q, cb) -> cb.or(cb.like(cb.lower(root.get("code")), like, '\\'),
                    cb.like(cb.lower(root.get("name")), like, '\\'), cb.like(cb.lower(root.get("city")), like, '\\')));
        }
        if (region != null && !region.isBlank()) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("region"), region));
        }
        return spec;
    }

    // ---------------------------------------------------------------- single changes (incident managers)

    @Transactional
    @IncidentManagersOnly
    public Sku addSku(SkuDetails details) {
        SkuDetails d = valid("The SKU", CatalogRules.sku(details));
        if (skus.findByCode(d.code()).isPresent()) {
            throw new InvalidCatalogEntry("The SKU", Map.of("code", "SKU " + d.code() + " exists already"));
        }
        Sku sku = skus.save(Sku.of(d));
        audit.record("SKU_ADDED", "Sku", d.code(), describe(d));
        events.publishEvent(new CatalogChanged("SKU " + d.code()));
        return sku;
    }

    /** Changes a SKU's model, colour and family; its code never changes (a different code in the details is refused). */
    @Transactional
    @IncidentManagersOnly
    public Sku editSku(String code, SkuDetails details) {
        Sku sku = getSku(code);
        SkuDetails d = valid("The SKU", CatalogRules.sku(new SkuDetails(
                CatalogRules.blank(details.code()) ? sku.getCode() : details.code(), details.model(),
                details.colour(), details.family())));
        sameCode(sku.getCode(), d.code());
        if (sku.differsFrom(d)) {
            String before = describe(sku.details());
            sku.update(d);
            audit.record("SKU_CHANGED", "Sku", sku.getCode(), before + " -> " + describe(d));
            events.publishEvent(new CatalogChanged("SKU " + sku.getCode()));
        }
        return sku;
    }

    @Transactional
    @IncidentManagersOnly
    public Store addStore(StoreDetails details) {
        StoreDetails d = valid("The store", CatalogRules.store(details, zoneOfRegion()));
        if (stores.findByCode(d.code()).isPresent()) {
            throw new InvalidCatalogEntry("The store", Map.of("code", "store " + d.code() + " exists already"));
        }
        Store store = stores.save(Store.of(d));
        audit.record("STORE_ADDED", "Store", d.code(), describe(d));
        events.publishEvent(new CatalogChanged("store " + d.code()));
        return store;
    }

    /** Changes a store; its code never changes. A closed store may still be corrected (its history keeps it). */
    @Transactional
    @IncidentManagersOnly
    public Store editStore(String code, StoreDetails details) {
        Store store = getStore(code);
        StoreDetails d = valid("The store", CatalogRules.store(new StoreDetails(
                CatalogRules.blank(details.code()) ? store.getCode() : details.code(), details.name(),
                details.region(), details.city(), details.type(), details.email(), details.zone()), zoneOfRegion()));
        sameCode(store.getCode(), d.code());
        if (store.differsFrom(d)) {
            String before = describe(store.details());
            store.update(d);
            audit.record("STORE_CHANGED", "Store", store.getCode(), before + " -> " + describe(d));
            events.publishEvent(new CatalogChanged("store " + store.getCode()));
        }
        return store;
    }

    /**
     * Closes a store: it stays with its history (holds, acknowledgements, sales, subscribers), receives no hold placed
     * from now on, and its tills are told it is closed. Closing a closed store changes nothing.
     */
    @Transactional
    @IncidentManagersOnly
    public Store closeStore(String code) {
        Store store = getStore(code);
        if (!store.isClosed()) {
            store.close(CurrentActor.username(), clock.instant());
            audit.record("STORE_CLOSED", "Store", store.getCode(), store.getName() + " (" + store.getRegion()
                    + ") closed");
            events.publishEvent(new CatalogChanged("store " + store.getCode() + " closed"));
        }
        return store;
    }

    /** Adds a region or changes one by name (the name never changes). */
    @Transactional
    @IncidentManagersOnly
    public Region saveRegion(RegionDetails details) {
        RegionDetails d = valid("The region", CatalogRules.region(details));
        Optional<Region> existing = regions.findByName(d.name());
        if (existing.isPresent()) {
            Region region = existing.get();
            if (region.differsFrom(d)) {
                String before = describe(region.details());
                region.update(d);
                audit.record("REGION_CHANGED", "Region", d.name(), before + " -> " + describe(d));
                events.publishEvent(new CatalogChanged("region " + d.name()));
            }
            return region;
        }
        Region region = regions.save(Region.of(d));
        audit.record("REGION_ADDED", "Region", d.name(), describe(d));
        events.publishEvent(new CatalogChanged("region " + d.name()));
        return region;
    }

    private static <T> T valid(String what, CatalogRules.Checked<T> checked) {
        if (!checked.ok()) {
            throw new InvalidCatalogEntry(what, checked.errors());
        }
        return checked.value();
    }

    private static void sameCode(String stored, String given) {
        if (!stored.equals(given)) {
            throw new InvalidCatalogEntry("The code", Map.of("code", "a code never changes: " + stored
                    + " stays " + stored));
        }
    }

    private Function<String, @Nullable String> zoneOfRegion() {
        return name -> regions.findByName(name).map(r -> r.getZone().getId()).orElse(null);
    }

    // ---------------------------------------------------------------- CSV imports (incident managers)

    /** Loads SKUs from CSV ({@code code,model,colour,family}): new codes added, known codes updated. */
    @Transactional
    @IncidentManagersOnly
    public CatalogImportResult importSkus(InputStream csv, String fileName, CatalogImportMode mode) {
        return importRows("SKUs", fileName, mode, csv, SKU_COLUMNS, List.of(),
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
            if (++n % FLUSH_EVERY == 0) {
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

    private static String describe(SkuDetails d) {
        return d.code() + " " + d.model() + ", " + d.colour() + ", family " + Words.plain(d.family());
    }

    private static String describe(StoreDetails d) {
        return d.code() + " " + d.name() + ", " + d.city() + ", region " + d.region() + ", " + storeType(d.type())
                + ", e-mail " + (d.email() == null ? "none" : d.email()) + ", zone " + d.zone();
    }

    private static String storeType(@Nullable String type) {
        for (StoreType t : StoreType.values()) {
            if (t.name().equalsIgnoreCase(type == null ? "" : type.strip())) {
                return t.label();
            }
        }
        return Words.plain(type);
    }

    private static String describe(RegionDetails d) {
        return d.name() + ", zone " + d.zone() + ", escalation " + (d.escalationName() == null ? "none"
                : d.escalationName() + " <" + d.escalationEmail() + ">");
    }
}
