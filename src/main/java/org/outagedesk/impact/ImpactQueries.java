package org.outagedesk.impact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.Money;
import org.outagedesk.base.SequenceSql;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The list, the counts and the bulk change, in SQL: at a million impacts they must filter, sort and page in the
 * database and touch rows without loading them as entities. All run in the caller's transaction.
 */
@Component
class ImpactQueries {

    /** Sortable properties of {@link ImpactRow} and their columns; anything else is refused, not concatenated. */
    private static final Map<String, String> SORT_COLUMNS = Map.of("msisdn", "s.msisdn", "account",
            "s.account_number", "name", "i.name", "sku", "i.sku_code", "store", "i.store_code", "region", "i.region",
            "status", "i.status", "lastContactedAt", "i.last_contacted_at");

    static final int EXPORT_FETCH_SIZE = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final SequenceSql sequences;
    private final CreditTotalSql credits;

    ImpactQueries(NamedParameterJdbcTemplate jdbc, SequenceSql sequences, CreditTotalSql credits) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(((JdbcTemplate) jdbc.getJdbcOperations()).getDataSource());
        fetching.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.sequences = sequences;
        this.credits = credits;
    }

    record Where(String sql, MapSqlParameterSource params) {
    }

    static Where where(long incidentId, ImpactFilter f) {
        return where(incidentId, f, true);
    }

    /**
     * @param join whether the list needs the subscriber's columns; counts leave the join out unless the text search
     *             needs it, so that they run on the impact indexes alone (a join of a million rows is slow). The SKU,
     *             store, region and name are the impact's copies (V7).
     */
    static Where where(long incidentId, ImpactFilter f, boolean join) {
        boolean needsSubscriber = join || notBlank(f.q());
        MapSqlParameterSource p = new MapSqlParameterSource("incident", incidentId);
        return new Where((needsSubscriber
                ? " from impact i join subscriber s on s.id = i.subscriber_id where i.incident_id = :incident"
                : " from impact i where i.incident_id = :incident") + conditions(f, p), p);
    }

    /** The filter's conditions over {@code i} (and {@code s} for the text search), each as " and ...". */
    private static String conditions(ImpactFilter f, MapSqlParameterSource p) {
        StringBuilder sql = new StringBuilder();
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            sql.append(" and i.status in (:statuses)");
            p.addValue("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.category() != null) {
            sql.append(" and i.").append(f.category().column()).append(" = true");
        }
        if (notBlank(f.sku())) {
            sql.append(" and i.sku_code = :sku");
            p.addValue("sku", f.sku().strip());
        }
        if (notBlank(f.region())) {
            sql.append(" and i.region = :region");
            p.addValue("region", f.region().strip());
        }
        if (notBlank(f.store())) {
            sql.append(" and i.store_code = :store");
            p.addValue("store", f.store().strip().toUpperCase(Locale.ROOT));
        }
        if (f.contacted() != null) {
            sql.append(f.contacted() ? " and i.last_contacted_at is not null" : " and i.last_contacted_at is null");
        }
        if (notBlank(f.q())) {
            String text = f.q().strip().toLowerCase(Locale.ROOT);
            // people type numbers with spaces, dashes and brackets; the stored MSISDN has only '+' and digits
            String digits = text.replaceAll("[^0-9]", "");
            sql.append(" and (lower(i.name) like :q escape '\\' or lower(s.account_number) like :q escape '\\'");
            if (!digits.isEmpty() && text.matches("[+0-9\\s().\\-]+")) {
                sql.append(" or s.msisdn like :digits");
                p.addValue("digits", "%" + digits + "%");
            }
            sql.append(")");
            p.addValue("q", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return sql.toString();
    }

    /** A page of the list; {@code total} counts the whole selection when the page does not tell it. */
    Page<ImpactRow> find(long incidentId, ImpactFilter filter, Pageable pageable,
            LongSupplier total) {
        String order = orderBy(pageable.getSort());
        boolean deferJoin = pageable.isPaged() && !notBlank(filter.q()) && !order.contains("s.");
        Where w = where(incidentId, filter, !deferJoin);
        StringBuilder sql;
        if (deferJoin) {
            // the page's ids are found on the impact's indexes alone (H2 reads no row for them: a deep page in
            // 18,000 took 9 ms this way, 290 ms reading the rows it skips), then only its rows are read
            sql = new StringBuilder("select s.msisdn, s.account_number, i.name, i.sku_code, i.store_code, i.region,"
                    + " i.status, i.cat_contacts, i.cat_photos, i.cat_email, i.cat_sms, i.cat_calendar, i.cat_todo,"
                    + " i.last_contacted_at from (select i.id").append(w.sql()).append(order)
                    .append(" offset :offset rows fetch next :limit rows only) p join impact i on i.id = p.id"
                            + " join subscriber s on s.id = i.subscriber_id").append(order);
        } else {
            sql = new StringBuilder("select s.msisdn, s.account_number, i.name, i.sku_code, i.store_code,"
                    + " i.region, i.status, i.cat_contacts, i.cat_photos, i.cat_email, i.cat_sms, i.cat_calendar,"
                    + " i.cat_todo, i.last_contacted_at").append(w.sql()).append(order);
            if (pageable.isPaged()) {
                sql.append(" offset :offset rows fetch next :limit rows only");
            }
        }
        if (pageable.isPaged()) {
            w.params().addValue("offset", pageable.getOffset()).addValue("limit", pageable.getPageSize());
        }
        List<ImpactRow> rows = jdbc.query(sql.toString(), w.params(), (rs, n) -> new ImpactRow(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                DataLossStatus.valueOf(rs.getString(7)), categories(rs, 8), instant(rs, 14)));
        if (pageable.isPaged() && rows.size() < pageable.getPageSize()
                && (!rows.isEmpty() || pageable.getOffset() == 0)) {
            return new PageImpl<>(rows, pageable, pageable.getOffset() + rows.size());
        }
        return new PageImpl<>(rows, pageable, pageable.isPaged() ? total.getAsLong() : rows.size());
    }

    /**
     * Every impact the filter selects, in index order, with the subscriber's net credits, handed to {@code each}
     * one at a time as the database returns them (fetch size {@value #EXPORT_FETCH_SIZE}; PostgreSQL uses a cursor
     * inside the caller's transaction): the export of a million rows holds one row in memory, not a list.
     */
    void forEach(long incidentId, ImpactFilter filter, Consumer<ExportedImpact> each) {
        Where w = where(incidentId, filter);
        String sql = "select s.msisdn, s.account_number, s.name, s.sku_code, s.store_code, s.region, i.status,"
                + " i.cat_contacts, i.cat_photos, i.cat_email, i.cat_sms, i.cat_calendar, i.cat_todo,"
                + " i.last_contacted_at, " + credits.netOf("i.subscriber_id", "i.incident_id") + " credits"
                + w.sql() + " order by i.incident_id, i.subscriber_id";
        streaming.query(sql, w.params(), (RowCallbackHandler) rs -> each.accept(new ExportedImpact(
                new ImpactRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), DataLossStatus.valueOf(rs.getString(7)), categories(rs, 8), instant(rs, 14)),
                Money.usd(rs.getBigDecimal(15)))));
    }

    /**
     * The next {@code limit} impacts the filter selects after subscriber {@code afterSubscriberId}, in subscriber
     * order (keyset paging on the incident's unique index): a job walks a million of them batch by batch and can
     * resume from the last id it finished.
     */
    /**
     * The next {@code limit} subscribers the filter selects after subscriber id {@code afterSubscriberId}, in id
     * order. Walked window by window through the index (incident_id, subscriber_id): each window is the next
     * {@code limit} impacts of the incident whatever the filter, found first in a derived table and joined by id, and
     * the filter is applied to those rows only. Written as one query with the filter beside
     * {@code i.incident_id = :incident}, H2 2.4 chose the list's index (incident_id, status, ...) for a status filter
     * and read and sorted every matching impact of the incident for each batch (scanCount 2,562 for 200 rows at
     * 20,000 subscribers; at a million, a notice queued 325 rows/s).
     */
    List<AffectedSubscriber> affectedAfter(long incidentId, ImpactFilter filter, long afterSubscriberId, int limit) {
        List<AffectedSubscriber> found = new ArrayList<>();
        long cursor = afterSubscriberId;
        while (found.size() < limit) {
            MapSqlParameterSource p = new MapSqlParameterSource("incident", incidentId).addValue("after", cursor);
            List<Long> end = jdbc.queryForList("select subscriber_id from impact where incident_id = :incident"
                    + " and subscriber_id > :after order by incident_id, subscriber_id offset " + (limit - 1)
                    + " rows fetch next 1 rows only", p, Long.class);
            Long windowEnd = end.isEmpty() ? jdbc.queryForObject("select max(subscriber_id) from impact where"
                    + " incident_id = :incident and subscriber_id > :after", p, Long.class) : end.getFirst();
            if (windowEnd == null) {
                break;
            }
            p.addValue("windowEnd", windowEnd);
            String sql = "select s.id, s.msisdn, s.name, s.email, s.store_code, s.region, i.status, i.cat_contacts,"
                    + " i.cat_photos, i.cat_email, i.cat_sms, i.cat_calendar, i.cat_todo,"
                    + " " + credits.netOf("i.subscriber_id", "i.incident_id")
                    + " from (select w.id from impact w where w.incident_id = :incident and w.subscriber_id > :after"
                    + " and w.subscriber_id <= :windowEnd) b join impact i on i.id = b.id"
                    + " join subscriber s on s.id = i.subscriber_id where 1 = 1" + conditions(filter, p)
                    + " order by i.subscriber_id";
            found.addAll(jdbc.query(sql, p, (rs, n) -> new AffectedSubscriber(rs.getLong(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    DataLossStatus.valueOf(rs.getString(7)), categories(rs, 8), Money.usd(rs.getBigDecimal(14)))));
            cursor = windowEnd;
        }
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    long countToChange(long incidentId, ImpactFilter filter, DataLossStatus newStatus) {
        Where w = where(incidentId, filter, false);
        w.params().addValue("newStatus", newStatus.name());
        Long n = jdbc.queryForObject("select count(*)" + w.sql() + " and i.status <> :newStatus", w.params(),
                Long.class);
        return n == null ? 0 : n;
    }

    /** Records a history entry for each impact that changes, then changes them; returns how many changed. */
    int changeStatus(long incidentId, ImpactFilter filter, DataLossStatus newStatus, String reason, String by,
            Instant at) {
        Where w = where(incidentId, filter, false);
        w.params().addValue("newStatus", newStatus.name()).addValue("reason", reason).addValue("by", by)
                .addValue("at", at.atOffset(ZoneOffset.UTC));
        String selected = w.sql() + " and i.status <> :newStatus";
        int recorded = jdbc.update("insert into impact_status_change (id, impact_id, incident_id, changed_at,"
                + " changed_by, from_status, to_status, reason) select " + sequences.next("impact_status_change_seq")
                + ", i.id, i.incident_id, :at, :by, i.status, :newStatus, :reason" + selected, w.params());
        // a correlated EXISTS on the primary key: H2 would evaluate "id in (select ...)" again for every row
        int changed = jdbc.update("update impact u set status = :newStatus, updated_at = :at,"
                + " version = u.version + 1 where u.incident_id = :incident and u.status <> :newStatus"
                + " and exists (select 1" + selected + " and i.id = u.id)", w.params());
        if (changed != recorded) {
            throw new IllegalStateException("Changed " + changed + " impacts but recorded " + recorded
                    + " history entries: the rows changed meanwhile");
        }
        return changed;
    }

    /**
     * One contact log entry for each impact of these subscribers in the incident, and the contact as the impacts'
     * last (their version moves on, as an edit's does); returns how many impacts were logged.
     */
    int logContacts(long incidentId, Collection<Long> subscriberIds, String note, String by, Instant at) {
        List<Long> ids = List.copyOf(subscriberIds);
        int logged = 0;
        for (int from = 0; from < ids.size(); from += 1000) {
            // the impacts by subscriber first, then by id: with the incident in the same WHERE, H2 reads every
            // impact of the incident through the (incident, subscriber) key and tests each against the list
            List<Long> impactIds = jdbc.query("select i.id, i.incident_id from impact i where i.subscriber_id in"
                    + " (:ids)", new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(),
                            from + 1000))), (rs, n) -> rs.getLong(2) == incidentId ? rs.getLong(1) : null)
                    .stream().filter(Objects::nonNull).toList();
            if (impactIds.isEmpty()) {
                continue;
            }
            MapSqlParameterSource p = new MapSqlParameterSource("impacts", impactIds).addValue("note", note)
                    .addValue("by", by).addValue("at", at.atOffset(ZoneOffset.UTC));
            logged += jdbc.update("insert into contact_log_entry (id, impact_id, contacted_at, agent, note) select "
                    + sequences.next("contact_log_entry_seq") + ", i.id, :at, :by, :note from impact i"
                    + " where i.id in (:impacts)", p);
            jdbc.update("update impact set last_contacted_at = :at, updated_at = :at, version = version + 1"
                    + " where id in (:impacts)", p);
        }
        return logged;
    }

    /**
     * Unsorted lists follow the unique index (incident_id, subscriber_id), roughly the import order, which the
     * database reads in order and stops after one page. Sorted by name, the indexes of V7 give the page in order
     * (any filter, or a status and a region); other sorts sort every selected row (see the benchmark figures).
     */
    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = SORT_COLUMNS.get(o.getProperty());
            if (column == null) {
                String asked = o.getProperty().length() > 40 ? o.getProperty().substring(0, 40) + "…" : o.getProperty();
                throw new DomainException("sort", "Cannot sort by '" + asked + "'; use one of "
                        + SORT_COLUMNS.keySet().stream().sorted().toList());
            }
            parts.add(column + (o.isAscending() ? " asc" : " desc")
                    + (column.equals("i.last_contacted_at") ? " nulls last" : ""));
        }
        parts.add(parts.isEmpty() ? "i.incident_id, i.subscriber_id" : "i.subscriber_id"); // stable paging
        return " order by " + String.join(", ", parts);
    }

    static EnumSet<DataCategory> categories(ResultSet rs, int firstColumn) throws SQLException {
        EnumSet<DataCategory> set = DataCategory.none();
        for (DataCategory c : DataCategory.values()) {
            if (rs.getBoolean(firstColumn + c.ordinal())) {
                set.add(c);
            }
        }
        return set;
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
