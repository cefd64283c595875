package org.outagedesk.catalog;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.ui.Words;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The carrier's SKUs, stores and regions: reference data every other feature looks up. Everybody signed in may read
 * it; incident managers change it one entry at a time (add, edit, close a store) here, or by CSV import in
 * {@link CatalogImportService} (the import methods here hand the call there, so the screen and the API keep one
 * service to ask). Every change is audited and published as {@link CatalogChanged}. Codes (and region names) never
 * change once in use; stores are closed, never deleted.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class CatalogService {

    public static final List<String> SKU_COLUMNS = List.of("code", "model", "colour", "family");
    public static final List<String> STORE_COLUMNS = List.of("code", "name", "region", "city", "type", "email",
            "zone", "closed");
    public static final List<String> REGION_COLUMNS = List.of("name", "zone", "escalation_name",
            "escalation_email");
    /** Stores read a page at a time, the persistence context cleared after each. */
    private static final int PAGE = 500;

    private final StoreRepository stores;
    private final SkuRepository skus;
    private final RegionRepository regions;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CatalogImportService imports;

    @PersistenceContext
    private EntityManager entityManager;

    CatalogService(StoreRepository stores, SkuRepository skus, RegionRepository regions, AuditService audit,
            ApplicationEventPublisher events, Clock clock, CatalogImportService imports) {
        this.stores = stores;
        this.skus = skus;
        this.regions = regions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.imports = imports;
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
        Pageable page = PageRequest.of(0, PAGE, Sort.by("code"));
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
        Pageable page = PageRequest.of(0, Math.max(1, Math.min(pageSize, PAGE)), Sort.by("code"));
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
    // The screen, the API and the sample data call these; CatalogImportService does the work.

    /** Loads SKUs from CSV ({@code code,model,colour,family}): new codes added, known codes updated. */
    @Transactional
    @IncidentManagersOnly
    public CatalogImportResult importSkus(InputStream csv, String fileName, CatalogImportMode mode) {
        return imports.importSkus(csv, fileName, mode);
    }

    /**
     * Loads stores from CSV ({@code code,name,region,city,type[,email,zone,closed]}); the region must exist; a
     * missing or empty zone is the region's; {@code closed} true closes an open store (import never reopens one).
     */
    @Transactional
    @IncidentManagersOnly
    public CatalogImportResult importStores(InputStream csv, String fileName, CatalogImportMode mode) {
        return imports.importStores(csv, fileName, mode);
    }

    /** Loads regions from CSV ({@code name,zone[,escalation_name,escalation_email]}), by name. */
    @Transactional
    @IncidentManagersOnly
    public CatalogImportResult importRegions(InputStream csv, String fileName, CatalogImportMode mode) {
        return imports.importRegions(csv, fileName, mode);
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
