package org.outagedesk.impact;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outagedesk.base.CsvImportException.RowError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The staging table of each import ({@code impact_import_<id>}): created for the import, filled batch by batch
 * outside the merge's transaction, searched for numbers that appear twice, and dropped whatever happened (deleting a
 * million staging rows took H2 107 s; dropping the table takes milliseconds). Tables left by a crash are dropped at
 * the next start. The rows go in through the engine's {@link StagingWriter} (a batch of inserts on H2, {@code COPY} on
 * PostgreSQL); the rest of the SQL serves both.
 */
@Component
class ImportStaging {

    static final String STAGING_PREFIX = "impact_import_";
    /** The good rows staged in one insert and one short transaction. */
    static final int BATCH_SIZE = 2_000;
    // the importer's logger, so that the log reads as before the importer was split
    private static final Logger log = LoggerFactory.getLogger(ImpactImporter.class);

    private final JdbcTemplate jdbc;
    private final StagingWriter writer;
    private final Clock clock;

    ImportStaging(JdbcTemplate jdbc, StagingWriter writer, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.clock = clock;
    }

    /** The staging table of one import: a name made of its id only, never of user input. */
    static String staging(String importId) {
        return STAGING_PREFIX + importId.replace('-', '_');
    }

    /**
     * Starts an import: its id, and a table of its own, shaped as V4's former {@code impact_import_row}, created
     * outside any transaction: rows come in by batches, and the whole table goes with one DROP at the end. Not
     * Flyway's: it lives for one import.
     */
    String create() {
        // the time it started and a random part: the staging table's name, and how old a left-over table is
        String importId = clock.instant().getEpochSecond() + "-" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 16);
        String t = staging(importId);
        jdbc.execute(writer.createTable() + " " + t + " (import_id varchar(36) not null, line bigint not null,"
                + " msisdn varchar(16) not null, account_number varchar(32) not null, name varchar(200) not null,"
                + " sku_code varchar(64) not null, store_code varchar(32) not null, region varchar(64) not null,"
                + " data_plan boolean not null, last_sync_at timestamp(6) with time zone, status varchar(16) not null,"
                + " cat_contacts boolean not null, cat_photos boolean not null, cat_email boolean not null,"
                + " cat_sms boolean not null, cat_calendar boolean not null, cat_todo boolean not null,"
                + " email varchar(254),"
                + " constraint " + t + "_pk primary key (import_id, line))");
        if (writer.indexFirst()) {
            index(t);
        }
        return importId;
    }

    private void index(String table) {
        jdbc.execute("create index " + table + "_msisdn_ix on " + table + " (import_id, msisdn, line)");
    }

    /** Every row is in: the number index, when the engine makes it after the rows (faster than row by row). */
    void rowsIn(String importId) {
        if (!writer.indexFirst()) {
            index(staging(importId));
            jdbc.execute("analyze " + staging(importId));
        }
    }

    /** Drops the import's staging table, rows and all. */
    void drop(String importId) {
        jdbc.execute("drop table " + staging(importId));
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

    /** Writes a batch of checked rows (index 0 the import id) and empties it; how many rows it held. */
    int stage(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        writer.write(staging((String) batch.get(0)[0]), batch);
        int n = batch.size();
        batch.clear();
        return n;
    }

    /** A number that appears twice: the first row wins, every later one is rejected and taken out of staging. */
    void findDuplicates(String importId, ImportRowChecker.Errors errors) {
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
}
