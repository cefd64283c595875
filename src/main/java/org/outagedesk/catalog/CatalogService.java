package org.outagedesk.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CsvImportException;
import org.outagedesk.base.CsvImportException.RowError;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.audit.AuditService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The carrier's stores and SKUs: reference data every other feature looks up. Everybody signed in may read it;
 * incident managers load it from CSV (the sample scenario uses the same import).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class CatalogService {

    static final List<String> STORE_COLUMNS = List.of("code", "name", "region", "city", "type");
    static final List<String> SKU_COLUMNS = List.of("code", "model", "colour", "family");

    private final StoreRepository stores;
    private final SkuRepository skus;
    private final AuditService audit;

    CatalogService(StoreRepository stores, SkuRepository skus, AuditService audit) {
        this.stores = stores;
        this.skus = skus;
        this.audit = audit;
    }

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

    public List<String> regions() {
        return stores.findRegions();
    }

    /** All SKUs (tens of them), by family then model. */
    public List<Sku> skus() {
        return skus.findAll(Sort.by("family", "model", "colour"));
    }

    public List<Sku> skusOfFamily(String family) {
        return skus.findByFamily(family, Sort.by("model", "colour"));
    }

    public List<String> families() {
        return skus.findFamilies();
    }

    private static Specification<Store> storeFilter(@Nullable String text, @Nullable String region) {
        Specification<Store> spec = Specification.unrestricted();
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
            spec = spec.and((root, q, cb) -> cb.or(cb.like(cb.lower(root.get("code")), like),
                    cb.like(cb.lower(root.get("name")), like), cb.like(cb.lower(root.get("city")), like)));
        }
        if (region != null && !region.isBlank()) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("region"), region));
        }
        return spec;
    }

    /**
     * Loads stores from CSV ({@code code,name,region,city,type}), adding new codes and updating known ones.
     * All or nothing: any bad row refuses the whole file with every problem listed.
     */
    @Transactional
    @PreAuthorize("hasRole('" + AppRoles.INCIDENT_MANAGER + "')")
    public int importStores(Reader csv) {
        List<RowError> errors = new ArrayList<>();
        List<Store> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        forEachRecord(csv, "stores", STORE_COLUMNS, errors, row -> {
            String code = required(row, "code", 32, errors);
            String name = required(row, "name", 200, errors);
            String region = required(row, "region", 64, errors);
            String city = required(row, "city", 100, errors);
            StoreType type = null;
            try {
                type = StoreType.valueOf(row.get("type").strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(line(row), "type", "'" + row.get("type") + "' is not COMPANY or DEALER"));
            }
            if (code != null && !seen.add(code)) {
                errors.add(new RowError(line(row), "code", "store " + code + " appears twice in the file"));
            }
            if (code != null && name != null && region != null && city != null && type != null) {
                parsed.add(new Store(code, name, region, city, type));
            }
        });
        if (!errors.isEmpty()) {
            throw new CsvImportException("The stores file", errors);
        }
        for (Store s : parsed) {
            stores.findByCode(s.getCode()).ifPresentOrElse(
                    existing -> existing.update(s.getName(), s.getRegion(), s.getCity(), s.getType()),
                    () -> stores.save(s));
        }
        audit.record("CATALOG_IMPORTED", "Store", null, parsed.size() + " stores loaded from CSV");
        return parsed.size();
    }

    /** Loads SKUs from CSV ({@code code,model,colour,family}); all or nothing like {@link #importStores}. */
    @Transactional
    @PreAuthorize("hasRole('" + AppRoles.INCIDENT_MANAGER + "')")
    public int importSkus(Reader csv) {
        List<RowError> errors = new ArrayList<>();
        List<Sku> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        forEachRecord(csv, "SKUs", SKU_COLUMNS, errors, row -> {
            String code = required(row, "code", 64, errors);
            String model = required(row, "model", 100, errors);
            String colour = required(row, "colour", 50, errors);
            String family = required(row, "family", 50, errors);
            if (code != null && !seen.add(code)) {
                errors.add(new RowError(line(row), "code", "SKU " + code + " appears twice in the file"));
            }
            if (code != null && model != null && colour != null && family != null) {
                parsed.add(new Sku(code, model, colour, family.toUpperCase(Locale.ROOT)));
            }
        });
        if (!errors.isEmpty()) {
            throw new CsvImportException("The SKU file", errors);
        }
        for (Sku s : parsed) {
            skus.findByCode(s.getCode()).ifPresentOrElse(
                    existing -> existing.update(s.getModel(), s.getColour(), s.getFamily()), () -> skus.save(s));
        }
        audit.record("CATALOG_IMPORTED", "Sku", null, parsed.size() + " SKUs loaded from CSV");
        return parsed.size();
    }

    private static void forEachRecord(Reader csv, String what, List<String> columns, List<RowError> errors,
            java.util.function.Consumer<CSVRecord> handler) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            if (!header.equals(columns)) {
                errors.add(new RowError(1, "header", "expected the columns " + String.join(",", columns)
                        + " but found " + String.join(",", header)));
                return;
            }
            try (Stream<CSVRecord> records = parser.stream()) {
                records.forEach(row -> {
                    if (row.size() != columns.size()) {
                        errors.add(new RowError(line(row), "row",
                                "expected " + columns.size() + " columns, found " + row.size()));
                    } else {
                        handler.accept(row);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the " + what + " file", e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // the parser's message names its own classes: not for people
            errors.add(new RowError(0, "file", "not a readable CSV file: check the quotes and the commas"));
        }
    }

    private static long line(CSVRecord row) {
        // the parser counts lines from 1 and has consumed the header; getRecordNumber() is 1 for the first data row
        return row.getRecordNumber() + 1;
    }

    private static @Nullable String required(CSVRecord row, String field, int maxLength, List<RowError> errors) {
        String value = row.get(field);
        if (value == null || value.isBlank()) {
            errors.add(new RowError(line(row), field, "is empty"));
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(new RowError(line(row), field, "is longer than " + maxLength + " characters"));
            return null;
        }
        return value.strip();
    }
}
