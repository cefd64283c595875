package org.outagedesk.impact;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.jspecify.annotations.Nullable;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.CsvImportException.RowError;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DateBounds;
import org.outagedesk.base.Msisdn;
import org.outagedesk.base.SequenceSql;
import org.outagedesk.base.Text;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports affected subscribers from CSV at any size in constant memory:
 * <ol>
 * <li>the file streams through Commons CSV; each row is checked on its own (line numbers count the header as 1) and
 * good rows are written in batches to a staging table of this import's own ({@code impact_import_<id>}), outside any
 * transaction;</li>
 * <li>duplicate MSISDNs within the file are found by SQL on the staging rows;</li>
 * <li>unless a bad row refuses the whole file (the default), a few set-based statements merge the staging rows into
 * subscriber and impact and write the status history, in ONE transaction: a crash leaves nothing half imported;</li>
 * <li>the staging table is dropped whatever happened (deleting a million staging rows took H2 107 s; dropping the
 * table takes milliseconds); tables left by a crash are dropped at the next start.</li>
 * </ol>
 */
@Component
class ImpactImporter {

    static final List<String> COLUMNS = List.of("msisdn", "account", "name", "sku", "store", "data_plan", "status",
            "categories", "last_sync");
    /** The header with the optional e-mail address (issue 13); files without it import as before. */
    static final List<String> COLUMNS_WITH_EMAIL = Stream.concat(COLUMNS.stream(),
            Stream.of("email")).toList();
    private static final Pattern EMAIL = Pattern
            .compile("[^@\\s,;<>\"]{1,64}@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");
    private static final int BATCH_SIZE = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ImpactImporter.class);

    /** Told how far an import got: the phase, the data rows read and the share of the file's bytes read. */
    interface Progress {
        Progress NONE = (phase, rows, fraction) -> { };

        void update(ImportJobStatus.Phase phase, long rowsRead, double fraction);
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;
    private final CatalogService catalog;
    private final AuditService audit;
    private final SequenceSql sequences;
    private final Clock clock;

    private final DateBounds dates;

    ImpactImporter(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, PlatformTransactionManager transactions,
            CatalogService catalog, AuditService audit, SequenceSql sequences, Clock clock, DateBounds dates) {
        this.dates = dates;
        this.jdbc = jdbc;
        this.named = named;
        this.transaction = new TransactionTemplate(transactions);
        this.catalog = catalog;
        this.audit = audit;
        this.sequences = sequences;
        this.clock = clock;
    }

    ImportResult importCsv(long incidentId, InputStream input, long size, String fileName, ImportMode mode,
            Progress progress) {
        // the time it started and a random part: the staging table's name, and how old a left-over table is
        String importId = clock.instant().getEpochSecond() + "-" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 16);
        createStaging(importId);
        try {
            return run(incidentId, input, size, fileName, mode, progress, importId);
        } finally {
            jdbc.execute("drop table " + staging(importId));
        }
    }

    private ImportResult run(long incidentId, InputStream input, long size, String fileName, ImportMode mode,
            Progress progress, String importId) {
        long started = System.nanoTime();
        Set<String> skus = new HashSet<>();
        for (Sku sku : catalog.skus()) {
            skus.add(sku.getCode());
        }
        Map<String, String> regionOfStore = new HashMap<>();
        for (Store store : catalog.findStores(null, null, Pageable.unpaged())) {
            regionOfStore.put(store.getCode(), store.getRegion());
        }

        CountingInputStream counted = new CountingInputStream(input);
        BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
        RowError fileProblem = sniff(in);
        if (fileProblem != null) {
            return ImportResult.refused(fileProblem);
        }
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();

        Errors errors = new Errors();
        List<Object[]> batch = new ArrayList<>(BATCH_SIZE);
        long rowsRead = 0;
        long staged = 0;
        long lastLine = 0;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            if (header.stream().anyMatch(h -> h.indexOf('\0') >= 0)) {
                return ImportResult.refused(new RowError(1, "file", "This is not a text file; upload a CSV file"));
            }
            if (!header.equals(COLUMNS) && !header.equals(COLUMNS_WITH_EMAIL)) {
                return ImportResult.refused(new RowError(1, "header", "The first line must be the header "
                        + String.join(",", COLUMNS) + " (optionally followed by ,email) but is "
                        + cut(String.join(",", header), 300)));
            }
            int columns = header.size();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord row;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    row = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    return ImportResult.refused(unreadable(e, parser.getCurrentLineNumber() + 1));
                }
                long line = row.getRecordNumber() + 1;
                lastLine = line;
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // an empty line
                }
                rowsRead++;
                Object[] values = check(row, line, columns, skus, regionOfStore, errors);
                if (values != null) {
                    values[0] = importId;
                    batch.add(values);
                    if (batch.size() == BATCH_SIZE) {
                        staged += stage(batch);
                        progress.update(ImportJobStatus.Phase.CHECKING, rowsRead,
                                size > 0 ? Math.min(1.0, (double) counted.count / size) : 0);
                    }
                } else {
                    errors.rejectedRows++;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return ImportResult.refused(unreadable(e, lastLine + 1));
        }
        staged += stage(batch);
        progress.update(ImportJobStatus.Phase.CHECKING, rowsRead, 1.0);
        long checked = System.nanoTime();

        findDuplicates(importId, errors);
        long deduplicated = System.nanoTime();
        staged -= errors.duplicates;
        if (rowsRead == 0) {
            return ImportResult.refused(new RowError(2, "file",
                    "The file has a header but no subscriber rows"));
        }
        List<RowError> listed = errors.sorted();
        if (errors.rejectedRows > 0 && mode == ImportMode.ALL_OR_NOTHING) {
            return new ImportResult(false, 0, 0, errors.rejectedRows, listed, errors.truncated);
        }
        progress.update(ImportJobStatus.Phase.MERGING, rowsRead, 1.0);
        long toMerge = staged;
        long[] updated = {0};
        transaction.executeWithoutResult(tx -> {
            updated[0] = merge(incidentId, importId, fileName);
            audit.record("IMPACTS_IMPORTED", "Incident", incidentId, fileName + ": " + (toMerge - updated[0])
                    + " new, " + updated[0] + " updated, " + errors.rejectedRows + " rejected (" + mode.label() + ")");
        });
        long imported = toMerge - updated[0];
        long done = System.nanoTime();
        log.info("Imported {}: {} new, {} updated, {} rejected in {} ms (reading, checking and staging {} ms,"
                + " duplicates {} ms, merge {} ms)", fileName, imported, updated[0], errors.rejectedRows,
                (done - started) / 1_000_000, (checked - started) / 1_000_000, (deduplicated - checked) / 1_000_000,
                (done - deduplicated) / 1_000_000);
        return new ImportResult(true, imported, updated[0], errors.rejectedRows, listed, errors.truncated);
    }

    static final String STAGING_PREFIX = "impact_import_";
    /** The subscriber's columns that each impact carries a copy of, for the list's indexes (V7). */
    static final String LIST_COLUMNS = "name, region, sku_code, store_code";

    /** The staging table of one import: a name made of its id only, never of user input. */
    static String staging(String importId) {
        return STAGING_PREFIX + importId.replace('-', '_');
    }

    /**
     * A table of the import's own, shaped as V4's former {@code impact_import_row}, created outside any
     * transaction: rows come in by batches, and the whole table goes with one DROP at the end. Not Flyway's: it
     * lives for one import.
     */
    private void createStaging(String importId) {
        String t = staging(importId);
        jdbc.execute("create table " + t + " (import_id varchar(36) not null, line bigint not null,"
                + " msisdn varchar(16) not null, account_number varchar(32) not null, name varchar(200) not null,"
                + " sku_code varchar(64) not null, store_code varchar(32) not null, region varchar(64) not null,"
                + " data_plan boolean not null, last_sync_at timestamp(6) with time zone, status varchar(16) not null,"
                + " cat_contacts boolean not null, cat_photos boolean not null, cat_email boolean not null,"
                + " cat_sms boolean not null, cat_calendar boolean not null, cat_todo boolean not null,"
                + " email varchar(254),"
                + " constraint " + t + "_pk primary key (import_id, line))");
        jdbc.execute("create index " + t + "_msisdn_ix on " + t + " (import_id, msisdn, line)");
    }

    /**
     * Drops staging tables that an import left behind when its process stopped, once they are a day old (another
     * node may be importing with a younger one; no import takes a day).
     */
    @EventListener(ApplicationReadyEvent.class)
    void dropLeftStaging() {
        Pattern name = Pattern.compile(STAGING_PREFIX + "([0-9]+)_[0-9a-f]{16}");
        long dayAgo = clock.instant().minus(Duration.ofDays(1)).getEpochSecond();
        List<String> left = jdbc.execute((Connection c) -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    Matcher m = name.matcher(table.toLowerCase(Locale.ROOT));
                    if (m.matches() && Long.parseLong(m.group(1)) < dayAgo) {
                        names.add(table);
                    }
                }
            }
            return names;
        });
        for (String table : left == null ? List.<String>of() : left) {
            log.warn("Dropping the staging table {} left by an import that did not finish", table);
            jdbc.execute("drop table \"" + table + "\"");
        }
    }

    /** Runs one statement of the merge and notes its rows and time for the log. */
    private static void step(StringBuilder steps, String what, IntSupplier statement) {
        long t0 = System.nanoTime();
        int rows = statement.getAsInt();
        steps.append(' ').append(what).append(' ').append(rows).append(" rows ")
                .append((System.nanoTime() - t0) / 1_000_000).append(" ms;");
    }

    /** The set-based merge; runs in the caller's transaction. Returns how many impacts existed already. */
    private long merge(long incidentId, String importId, String fileName) {
        Instant now = clock.instant();
        StringBuilder steps = new StringBuilder();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("importId", importId)
                .addValue("incident", incidentId).addValue("at", now.atOffset(ZoneOffset.UTC))
                .addValue("by", CurrentActor.username())
                .addValue("reason", cut("Imported from " + fileName, 1000));
        long counting = System.nanoTime();
        Long existing = named.queryForObject("select count(*) from " + staging(importId) + " t"
                + " join subscriber s on s.msisdn = t.msisdn"
                + " join impact i on i.subscriber_id = s.id and i.incident_id = :incident"
                + " where t.import_id = :importId", p, Long.class);
        steps.append(" existing ").append(existing).append(" rows ").append((System.nanoTime() - counting) / 1_000_000)
                .append(" ms;");

        // Plain UPDATE and INSERT ... SELECT rather than MERGE: H2 ran MERGE ... USING row by row (a million rows
        // took over twenty minutes). Correlated EXISTS, not IN (select ...): H2 rebuilt the IN list for every row.
        step(steps, "update subscribers", () -> named.update(
                "update subscriber s set (account_number, name, sku_code, store_code, region, data_plan,"
                + " last_sync_at, email) = (select t.account_number, t.name, t.sku_code, t.store_code, t.region,"
                + " t.data_plan, t.last_sync_at, coalesce(t.email, s.email) from " + staging(importId) + " t where t.import_id = :importId"
                + " and t.msisdn = s.msisdn), version = s.version + 1"
                + " where exists (select 1 from " + staging(importId) + " t where t.import_id = :importId"
                + " and t.msisdn = s.msisdn)", p));
        step(steps, "insert subscribers", () -> named.update(
                "insert into subscriber (id, msisdn, account_number, name, sku_code, store_code, region,"
                + " data_plan, last_sync_at, email, version) select " + sequences.next("subscriber_seq")
                + ", t.msisdn, t.account_number, t.name, t.sku_code, t.store_code, t.region, t.data_plan,"
                + " t.last_sync_at, t.email, 0"
                + " from " + staging(importId) + " t where t.import_id = :importId"
                + " and not exists (select 1 from subscriber s where s.msisdn = t.msisdn)", p));

        // the list columns copied onto the subscriber's impacts in other incidents follow the subscriber (V7)
        step(steps, "other incidents", () -> named.update(
                "update impact i set (" + LIST_COLUMNS + ") = (select s.name, s.region, s.sku_code,"
                + " s.store_code from subscriber s where s.id = i.subscriber_id)"
                + " where i.incident_id <> :incident and exists (select 1 from subscriber s join "
                + staging(importId) + " t on t.msisdn = s.msisdn and t.import_id = :importId"
                + " where s.id = i.subscriber_id and (s.name <> i.name or s.region <> i.region"
                + " or s.sku_code <> i.sku_code or s.store_code <> i.store_code))", p));

        // a first import into the incident has no impacts to change: two passes over the file saved (15 s at 1M)
        boolean impactsExist = existing != null && existing > 0;
        if (impactsExist) {
            // status changes of impacts that exist already, before the update overwrites their status
            step(steps, "history of changed", () -> named.update(
                    "insert into impact_status_change (id, impact_id, incident_id, changed_at, changed_by,"
                    + " from_status, to_status, reason) select " + sequences.next("impact_status_change_seq")
                    + ", i.id, i.incident_id, :at, :by,"
                    + " i.status, t.status, :reason from " + staging(importId) + " t"
                    + " join subscriber s on s.msisdn = t.msisdn"
                    + " join impact i on i.subscriber_id = s.id and i.incident_id = :incident"
                    + " where t.import_id = :importId and i.status <> t.status", p));
        }

        String categories = String.join(", ", Arrays.stream(DataCategory.values())
                .map(DataCategory::column).toList());
        String sourceCategories = String.join(", ", Arrays.stream(DataCategory.values())
                .map(c -> "t." + c.column()).toList());
        if (impactsExist) {
            step(steps, "update impacts", () -> named.update(
                    "update impact i set (status, " + categories + ", " + LIST_COLUMNS + ") = (select t.status, "
                    + sourceCategories + ", t.name, t.region, t.sku_code, t.store_code"
                    + " from " + staging(importId) + " t join subscriber s on s.msisdn = t.msisdn"
                    + " where t.import_id = :importId and s.id = i.subscriber_id), updated_at = :at,"
                    + " version = i.version + 1"
                    + " where i.incident_id = :incident and exists (select 1 from subscriber s"
                    + " join " + staging(importId) + " t on t.msisdn = s.msisdn and t.import_id = :importId"
                    + " where s.id = i.subscriber_id)", p));
        }
        step(steps, "insert impacts", () -> named.update(
                "insert into impact (id, incident_id, subscriber_id, status, " + categories + ", "
                + LIST_COLUMNS + ", updated_at, version) select " + sequences.next("impact_seq")
                + ", :incident, s.id, t.status, " + sourceCategories
                + ", t.name, t.region, t.sku_code, t.store_code, :at, 0 from " + staging(importId)
                + " t join subscriber s on s.msisdn = t.msisdn"
                + " where t.import_id = :importId and not exists (select 1 from impact i"
                + " where i.incident_id = :incident and i.subscriber_id = s.id)", p));

        // the first status of impacts created now, so that the history tells the whole story
        step(steps, "history of new", () -> named.update(
                "insert into impact_status_change (id, impact_id, incident_id, changed_at, changed_by,"
                + " from_status, to_status, reason) select " + sequences.next("impact_status_change_seq")
                + ", i.id, i.incident_id, :at, :by,"
                + " null, i.status, :reason from " + staging(importId) + " t"
                + " join subscriber s on s.msisdn = t.msisdn"
                + " join impact i on i.subscriber_id = s.id and i.incident_id = :incident"
                + " where t.import_id = :importId"
                + " and not exists (select 1 from impact_status_change h where h.impact_id = i.id)", p));
        log.info("Merged import {}:{}", importId, steps);
        return existing == null ? 0 : existing;
    }

    /** Checks one row; the values for the staging insert (index 0 left for the import id), or null if bad. */
    private @Nullable Object[] check(CSVRecord row, long line, int columns, Set<String> skus,
            Map<String, String> regionOfStore, Errors errors) {
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
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
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

    private int stage(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        // one short transaction per batch: in autocommit H2 would commit (and write to disk) once per row
        transaction.executeWithoutResult(tx -> jdbc.batchUpdate(
                "insert into " + staging((String) batch.get(0)[0])
                + " (import_id, line, msisdn, account_number, name, sku_code,"
                + " store_code, region, data_plan, last_sync_at, status, cat_contacts, cat_photos, cat_email,"
                + " cat_sms, cat_calendar, cat_todo, email)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch));
        int n = batch.size();
        batch.clear();
        return n;
    }

    /** A number that appears twice: the first row wins, every later one is rejected and taken out of staging. */
    private void findDuplicates(String importId, Errors errors) {
        jdbc.query("select t.line, t.msisdn, (select min(f.line) from " + staging(importId) + " f"
                + " where f.import_id = t.import_id and f.msisdn = t.msisdn) from " + staging(importId) + " t"
                + " where t.import_id = ? and exists (select 1 from " + staging(importId)
                + " e where e.import_id = t.import_id"
                + " and e.msisdn = t.msisdn and e.line < t.line) order by t.line", rs -> {
                    errors.add(new RowError(rs.getLong(1), "msisdn", rs.getString(2)
                            + " appears more than once in the file (first on line " + rs.getLong(3) + ")"));
                    errors.rejectedRows++;
                    errors.duplicates++;
                }, importId);
        if (errors.duplicates > 0) {
            jdbc.update("delete from " + staging(importId) + " t where t.import_id = ? and exists (select 1 from"
                    + " " + staging(importId) + " e where e.import_id = t.import_id and e.msisdn = t.msisdn"
                    + " and e.line < t.line)", importId);
        }
    }

    /** Looks at the first bytes for what people upload by mistake; skips a UTF-8 byte order mark. */
    private static @Nullable RowError sniff(BufferedInputStream in) {
        try {
            in.mark(8);
            byte[] head = in.readNBytes(4);
            in.reset();
            if (head.length == 0) {
                return new RowError(0, "file", "The file is empty");
            }
            if (startsWith(head, 'P', 'K', 3, 4)) {
                return new RowError(0, "file", "This is a ZIP or Excel (XLSX) file, not CSV: in the spreadsheet,"
                        + " save it as \"CSV UTF-8\" and upload that");
            }
            if (startsWith(head, '%', 'P', 'D', 'F')) {
                return new RowError(0, "file", "This is a PDF file, not CSV");
            }
            if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)) {
                return new RowError(0, "file", "The file is UTF-16 text; save it as UTF-8 (\"CSV UTF-8\")");
            }
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                in.skipNBytes(3);
                in.mark(8);
                if (in.read() < 0) {
                    return new RowError(0, "file", "The file is empty");
                }
                in.reset();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static RowError unreadable(Exception e, long line) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof CharacterCodingException) {
                return new RowError(line, "file", "The file is not UTF-8 text (a character on or near line " + line
                        + " cannot be read): save it as \"CSV UTF-8\" and upload it again");
            }
            cause = cause.getCause();
        }
        // the parser's own message names its classes (org.apache.commons.csv.CSVException): not for people
        return new RowError(line, "file", "Not a readable CSV file near line " + line
                + ": check the quotes (a field that opens a quote must close it) and the commas");
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
        return value;
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** The problems found, at most {@link ImportResult#MAX_LISTED_ERRORS} of them kept; counts stay exact. */
    private static final class Errors {
        private final List<RowError> list = new ArrayList<>();
        private int count;
        private boolean truncated;
        private long rejectedRows;
        private long duplicates;

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

    private static final class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
