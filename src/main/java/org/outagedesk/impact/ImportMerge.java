package org.outagedesk.impact;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.IntSupplier;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.SequenceSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Merges an import's staging rows into subscriber and impact and writes the status history, in a few set-based
 * statements that run in the caller's transaction (ONE for the whole merge: a crash leaves nothing half imported).
 * Logs each statement's rows and time.
 */
@Component
class ImportMerge {

    /** The subscriber's columns that each impact carries a copy of, for the list's indexes (V7). */
    static final String LIST_COLUMNS = "name, region, sku_code, store_code";
    // the importer's logger, so that the log reads as before the importer was split
    private static final Logger log = LoggerFactory.getLogger(ImpactImporter.class);

    private final NamedParameterJdbcTemplate named;
    private final SequenceSql sequences;
    private final Clock clock;

    ImportMerge(NamedParameterJdbcTemplate named, SequenceSql sequences, Clock clock) {
        this.named = named;
        this.sequences = sequences;
        this.clock = clock;
    }

    /** Runs one statement of the merge and notes its rows and time for the log. */
    private static void step(StringBuilder steps, String what, IntSupplier statement) {
        long t0 = System.nanoTime();
        int rows = statement.getAsInt();
        steps.append(' ').append(what).append(' ').append(rows).append(" rows ")
                .append((System.nanoTime() - t0) / 1_000_000).append(" ms;");
    }

    /** The set-based merge; runs in the caller's transaction. Returns how many impacts existed already. */
    long merge(long incidentId, String importId, String fileName) {
        Instant now = clock.instant();
        String staging = ImportStaging.staging(importId);
        StringBuilder steps = new StringBuilder();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("importId", importId)
                .addValue("incident", incidentId).addValue("at", now.atOffset(ZoneOffset.UTC))
                .addValue("by", CurrentActor.username())
                .addValue("reason", ImportRowChecker.cut("Imported from " + fileName, 1000));
        long counting = System.nanoTime();
        Long existing = named.queryForObject("select count(*) from " + staging + " t"
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
                + " t.data_plan, t.last_sync_at, coalesce(t.email, s.email) from " + staging + " t where t.import_id = :importId"
                + " and t.msisdn = s.msisdn), version = s.version + 1"
                + " where exists (select 1 from " + staging + " t where t.import_id = :importId"
                + " and t.msisdn = s.msisdn)", p));
        step(steps, "insert subscribers", () -> named.update(
                "insert into subscriber (id, msisdn, account_number, name, sku_code, store_code, region,"
                + " data_plan, last_sync_at, email, version) select " + sequences.next("subscriber_seq")
                + ", t.msisdn, t.account_number, t.name, t.sku_code, t.store_code, t.region, t.data_plan,"
                + " t.last_sync_at, t.email, 0"
                + " from " + staging + " t where t.import_id = :importId"
                + " and not exists (select 1 from subscriber s where s.msisdn = t.msisdn)", p));

        // the list columns copied onto the subscriber's impacts in other incidents follow the subscriber (V7)
        step(steps, "other incidents", () -> named.update(
                "update impact i set (" + LIST_COLUMNS + ") = (select s.name, s.region, s.sku_code,"
                + " s.store_code from subscriber s where s.id = i.subscriber_id)"
                + " where i.incident_id <> :incident and exists (select 1 from subscriber s join "
                + staging + " t on t.msisdn = s.msisdn and t.import_id = :importId"
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
                    + " i.status, t.status, :reason from " + staging + " t"
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
                    + " from " + staging + " t join subscriber s on s.msisdn = t.msisdn"
                    + " where t.import_id = :importId and s.id = i.subscriber_id), updated_at = :at,"
                    + " version = i.version + 1"
                    + " where i.incident_id = :incident and exists (select 1 from subscriber s"
                    + " join " + staging + " t on t.msisdn = s.msisdn and t.import_id = :importId"
                    + " where s.id = i.subscriber_id)", p));
        }
        step(steps, "insert impacts", () -> named.update(
                "insert into impact (id, incident_id, subscriber_id, status, " + categories + ", "
                + LIST_COLUMNS + ", updated_at, version) select " + sequences.next("impact_seq")
                + ", :incident, s.id, t.status, " + sourceCategories
                + ", t.name, t.region, t.sku_code, t.store_code, :at, 0 from " + staging
                + " t join subscriber s on s.msisdn = t.msisdn"
                + " where t.import_id = :importId and not exists (select 1 from impact i"
                + " where i.incident_id = :incident and i.subscriber_id = s.id)", p));

        // the first status of impacts created now, so that the history tells the whole story
        step(steps, "history of new", () -> named.update(
                "insert into impact_status_change (id, impact_id, incident_id, changed_at, changed_by,"
                + " from_status, to_status, reason) select " + sequences.next("impact_status_change_seq")
                + ", i.id, i.incident_id, :at, :by,"
                + " null, i.status, :reason from " + staging + " t"
                + " join subscriber s on s.msisdn = t.msisdn"
                + " join impact i on i.subscriber_id = s.id and i.incident_id = :incident"
                + " where t.import_id = :importId"
                + " and not exists (select 1 from impact_status_change h where h.impact_id = i.id)", p));
        log.info("Merged import {}:{}", importId, steps);
        return existing == null ? 0 : existing;
    }
}
