package org.outagedesk.impact;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.CsvImportException.RowError;
import org.outagedesk.base.DateBounds;
import org.outagedesk.base.Msisdn;
import org.outagedesk.base.Text;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.springframework.data.domain.Pageable;

/**
 * Checks the rows of one import, each on its own, against the catalog as it was when the import started, and keeps
 * the problems found. One per import: {@link ImpactImporter} makes it, {@link ImportCsvReader} hands it the rows.
 */
final class ImportRowChecker {

    static final List<String> COLUMNS = List.of("msisdn", "account", "name", "sku", "store", "data_plan", "status",
            "categories", "last_sync");
    /** The header with the optional e-mail address (issue 13); files without it import as before. */
    static final List<String> COLUMNS_WITH_EMAIL = Stream.concat(COLUMNS.stream(),
            Stream.of("email")).toList();
    private static final Pattern EMAIL = Pattern
            .compile("[^@\\s,;<>\"]{1,64}@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");

    private final Set<String> skus;
    private final Map<String, String> regionOfStore;
    private final DateBounds dates;
    private final Errors errors = new Errors();

    private ImportRowChecker(Set<String> skus, Map<String, String> regionOfStore, DateBounds dates) {
        this.skus = skus;
        this.regionOfStore = regionOfStore;
        this.dates = dates;
    }

    /** A checker that knows the catalog's SKUs and stores as they are now. */
    static ImportRowChecker ofCatalog(CatalogService catalog, DateBounds dates) {
        Set<String> skus = new HashSet<>();
        for (Sku sku : catalog.skus()) {
            skus.add(sku.getCode());
        }
        Map<String, String> regionOfStore = new HashMap<>();
        for (Store store : catalog.findStores(null, null, Pageable.unpaged())) {
            regionOfStore.put(store.getCode(), store.getRegion());
        }
        return new ImportRowChecker(skus, regionOfStore, dates);
    }

    /** The problems found so far in this import's rows. */
    Errors errors() {
        return errors;
    }

    /** Checks one row; the values for the staging insert (index 0 left for the import id), or null if bad. */
    @Nullable Object[] check(CSVRecord row, long line, int columns) {
        if (row.size() != columns) {
            errors.add(new RowError(line, "row", "expected " + columns + " columns ("
                    + String.join(",", columns == COLUMNS.size() ? COLUMNS : COLUMNS_WITH_EMAIL) + "), found "
                    + row.size()));
            return null;
        }
        int before = errors.count;
        String msisdn = null;
        try {
            msisdn = Msisdn.parse(row.get(0)).value();
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(line, "msisdn", row.get(0).isEmpty() ? "is empty" : e.getMessage()));
        }
        String account = required(row.get(1), line, "account", 32, errors);
        String name = required(row.get(2), line, "name", 200, errors);
        String sku = row.get(3);
        if (sku.isEmpty()) {
            errors.add(new RowError(line, "sku", "is empty"));
        } else if (!skus.contains(sku)) {
            errors.add(new RowError(line, "sku", "unknown SKU '" + sku + "'"));
        }
        String store = row.get(4).toUpperCase(Locale.ROOT);
        String region = regionOfStore.get(store);
        if (store.isEmpty()) {
            errors.add(new RowError(line, "store", "is empty"));
        } else if (region == null) {
            errors.add(new RowError(line, "store", "unknown store '" + row.get(4) + "'"));
        }
        Boolean dataPlan = switch (row.get(5).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> null;
        };
        if (dataPlan == null) {
            errors.add(new RowError(line, "data_plan", "'" + row.get(5) + "' is not true or false"));
        }
        DataLossStatus status = DataLossStatus.parseOrNull(row.get(6));
        if (status == null) {
            errors.add(new RowError(line, "status", "'" + row.get(6) + "' is not one of "
                    + Arrays.toString(DataLossStatus.values())));
        }
        EnumSet<DataCategory> categories = DataCategory.none();
        for (String part : row.get(7).split(";")) {
            if (part.isBlank()) {
                continue;
            }
            DataCategory c = DataCategory.parseOrNull(part);
            if (c == null) {
                errors.add(new RowError(line, "categories", "'" + part.strip() + "' is not one of "
                        + Arrays.toString(DataCategory.values())));
            } else {
                categories.add(c);
            }
        }
        OffsetDateTime lastSync = null;
        if (!row.get(8).isEmpty()) {
            try {
                lastSync = OffsetDateTime.parse(row.get(8));
                String outside = dates.problem(lastSync.toInstant());
                if (outside != null) {
                    errors.add(new RowError(line, "last_sync", outside));
                }
            } catch (DateTimeParseException e) {
                errors.add(new RowError(line, "last_sync", "'" + Text.quote(row.get(8))
                        + "' is not an ISO-8601 date and time with offset, such as 2009-10-01T14:22:05-07:00"));
            }
        }
        String email = null;
        if (columns > COLUMNS.size() && !row.get(9).isEmpty()) {
            email = row.get(9);
            if (email.length() > 254 || !EMAIL.matcher(email).matches() || controlCharacter(email) != null) {
                errors.add(new RowError(line, "email", "'" + cut(email, 80) + "' is not an e-mail address"));
            }
        }
        if (errors.count > before) {
            return null;
        }
        return new Object[] {null, line, msisdn, account, name, sku, store, region, dataPlan,
                lastSync == null ? null : lastSync.withOffsetSameInstant(ZoneOffset.UTC), status.name(),
                categories.contains(DataCategory.CONTACTS), categories.contains(DataCategory.PHOTOS),
                categories.contains(DataCategory.EMAIL), categories.contains(DataCategory.SMS),
                categories.contains(DataCategory.CALENDAR), categories.contains(DataCategory.TODO), email};
    }

    private static @Nullable String required(String value, long line, String field, int max, Errors errors) {
        if (value.isEmpty()) {
            errors.add(new RowError(line, field, "is empty"));
            return null;
        }
        if (value.length() > max) {
            errors.add(new RowError(line, field, "is longer than " + max + " characters"));
            return null;
        }
        String control = controlCharacter(value);
        if (control != null) {
            errors.add(new RowError(line, field, control));
            return null;
        }
        return value;
    }

    /**
     * Why a value holds a control character (a tab, a line break, NUL...), or null: nothing shows them on a screen or
     * a text, and PostgreSQL refuses NUL outright.
     */
    static @Nullable String controlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format(Locale.ROOT, "holds a control character (U+%04X) at position %d", (int) c,
                        i + 1);
            }
        }
        return null;
    }

    /** The first {@code max} characters of {@code s} (UTF-16 units, no ellipsis): for messages and the reason. */
    static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** The problems found, at most {@link ImportResult#MAX_LISTED_ERRORS} of them kept; counts stay exact. */
    static final class Errors {
        private final List<RowError> list = new ArrayList<>();
        private int count;
        boolean truncated;
        long rejectedRows;
        long duplicates;

        void add(RowError e) {
            count++;
            if (list.size() < ImportResult.MAX_LISTED_ERRORS) {
                list.add(e);
            } else {
                truncated = true;
            }
        }

        List<RowError> sorted() {
            list.sort(Comparator.comparingLong(RowError::line));
            return List.copyOf(list);
        }
    }
}
