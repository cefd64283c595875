package org.outagedesk.credits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Money;
import org.outagedesk.impact.ImpactRows;
import org.outagedesk.impact.ImpactRows.SubscriberImpact;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger in SQL: the subscriber's impact row (found and locked by the impact feature, so two credits to one
 * subscriber queue up), the net total against the cap, the idempotency keys, lists and totals. All run in the
 * caller's transaction.
 */
@Component
class CreditQueries {

    record StoredKey(String requestHash, @Nullable Long creditId) {
    }

    private static final String SELECT_RECORD = "select c.id, s.msisdn, s.name, c.incident_id, c.reason_code,"
            + " c.amount, c.currency, c.status, c.entry_type, c.note, c.requested_by, c.requested_at, c.decided_by,"
            + " c.decided_at, c.decision_reason, c.reverses_id, c.campaign_id"
            + " from credit c join subscriber s on s.id = c.subscriber_id";

    private static final Map<String, String> SORT = Map.of("requestedAt", "c.requested_at",
            "amount", "c.amount", "msisdn", "s.msisdn", "status", "c.status", "reasonCode", "c.reason_code",
            "requestedBy", "c.requested_by", "id", "c.id");

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final ImpactRows impacts;

    CreditQueries(NamedParameterJdbcTemplate jdbc, ImpactRows impacts) {
        this.jdbc = jdbc;
        this.impacts = impacts;
        JdbcTemplate fetching = new JdbcTemplate(
                ((JdbcTemplate) jdbc.getJdbcOperations()).getDataSource());
        fetching.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    /**
     * The affected subscriber a credit goes to: their impact in the incident, from the impact feature; locked when
     * asked (every change to a subscriber's credits in an incident takes this lock first, campaigns included).
     */
    Optional<SubscriberImpact> target(long incidentId, String msisdn, boolean lock) {
        Optional<SubscriberImpact> found = impacts.find(incidentId, msisdn);
        if (lock) {
            found.ifPresent(impacts::lock);
        }
        return found;
    }

    Money net(long incidentId, long subscriberId) {
        BigDecimal sum = jdbc.queryForObject("select coalesce(sum(amount), 0) from credit where incident_id = :incident"
                + " and subscriber_id = :subscriber and status in " + CreditStatus.COUNTED_SQL,
                new MapSqlParameterSource("incident", incidentId).addValue("subscriber", subscriberId),
                BigDecimal.class);
        return Money.usd(sum);
    }

    List<ReasonCode> reasons() {
        return jdbc.query("select code, label, allows_zero from credit_reason where active = true order by sort_order",
                (rs, n) -> new ReasonCode(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    }

    Optional<StoredKey> storedKey(String actor, String key) {
        return jdbc.query("select request_hash, credit_id from credit_request_key where actor = :actor and idem_key = :key",
                new MapSqlParameterSource("actor", actor).addValue("key", key),
                (rs, n) -> new StoredKey(rs.getString(1), (Long) rs.getObject(2, Long.class))).stream().findFirst();
    }

    /** Claims the key; a concurrent claim of the same key waits for this transaction and then fails. */
    void claimKey(String actor, String key, String hash, Instant at) {
        jdbc.update("insert into credit_request_key (actor, idem_key, request_hash, credit_id, created_at)"
                + " values (:actor, :key, :hash, null, :at)", new MapSqlParameterSource("actor", actor)
                .addValue("key", key).addValue("hash", hash).addValue("at", Timestamp.from(at)));
    }

    void completeKey(String actor, String key, long creditId) {
        jdbc.update("update credit_request_key set credit_id = :credit where actor = :actor and idem_key = :key",
                new MapSqlParameterSource("actor", actor).addValue("key", key).addValue("credit", creditId));
    }

    Optional<CreditRecord> record(long id) {
        return jdbc.query(SELECT_RECORD + " where c.id = :id", new MapSqlParameterSource("id", id), MAPPER).stream()
                .findFirst();
    }

    List<CreditRecord> ofSubscriber(String msisdn, @Nullable Long incidentId) {
        MapSqlParameterSource p = new MapSqlParameterSource("msisdn", msisdn);
        String where = " where s.msisdn = :msisdn";
        if (incidentId != null) {
            where += " and c.incident_id = :incident";
            p.addValue("incident", incidentId);
        }
        return jdbc.query(SELECT_RECORD + where + " order by c.requested_at desc, c.id desc", p, MAPPER);
    }

    Page<CreditRecord> find(@Nullable CreditStatus status, @Nullable Long incidentId, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (status != null) {
            where.append(" and c.status = :status");
            p.addValue("status", status.name());
        }
        if (incidentId != null) {
            where.append(" and c.incident_id = :incident");
            p.addValue("incident", incidentId);
        }
        long total = jdbc.queryForObject("select count(*) from credit c" + where, p, Long.class);
        StringBuilder order = new StringBuilder();
        for (Sort.Order o : pageable.getSort()) {
            String column = SORT.get(o.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Cannot sort credits by '" + o.getProperty() + "'; use one of "
                        + new TreeSet<>(SORT.keySet()));
            }
            order.append(order.isEmpty() ? " order by " : ", ").append(column).append(o.isAscending() ? " asc" : " desc");
        }
        order.append(order.isEmpty() ? " order by c.requested_at desc, c.id desc" : ", c.id desc");
        List<CreditRecord> content = pageable.isUnpaged() ? jdbc.query(SELECT_RECORD + where + order, p, MAPPER)
                : jdbc.query(SELECT_RECORD + where + order + " offset " + pageable.getOffset() + " rows fetch next "
                        + pageable.getPageSize() + " rows only", p, MAPPER);
        return new PageImpl<>(content, pageable, total);
    }

    /**
     * Every credit and reversal of an incident, oldest first, with campaign and tier names, handed to {@code each}
     * as the database returns them (fetch size 1000): the ledger export holds one row at a time.
     */
    void forEachLedgerLine(long incidentId, Consumer<CreditLedgerLine> each) {
        String sql = SELECT_RECORD.replace("c.campaign_id from", "c.campaign_id, cp.name campaign_name,"
                + " ct.name tier_name from") + " left join campaign cp on cp.id = c.campaign_id"
                + " left join campaign_tier ct on ct.id = c.campaign_tier_id"
                + " where c.incident_id = :incident order by c.requested_at, c.id";
        streaming.query(sql, new MapSqlParameterSource("incident", incidentId),
                (RowCallbackHandler) rs -> each.accept(new CreditLedgerLine(
                        map(rs, 0), rs.getString("campaign_name"), rs.getString("tier_name"))));
    }

    List<CreditSummary.Line> summary(long incidentId) {
        return jdbc.query("select reason_code, status, entry_type, count(*), sum(amount) from credit"
                + " where incident_id = :incident group by reason_code, status, entry_type"
                + " order by reason_code, status, entry_type", new MapSqlParameterSource("incident", incidentId),
                (rs, n) -> new CreditSummary.Line(rs.getString(1), CreditStatus.valueOf(rs.getString(2)),
                        CreditEntryType.valueOf(rs.getString(3)), rs.getLong(4), Money.usd(rs.getBigDecimal(5))));
    }

    private static final RowMapper<CreditRecord> MAPPER = CreditQueries::map;

    private static CreditRecord map(ResultSet rs, int n) throws SQLException {
        return new CreditRecord(rs.getLong("id"), rs.getString("msisdn"), rs.getString("name"),
                rs.getLong("incident_id"), rs.getString("reason_code"),
                new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                CreditStatus.valueOf(rs.getString("status")), CreditEntryType.valueOf(rs.getString("entry_type")),
                rs.getString("note"), rs.getString("requested_by"), instant(rs, "requested_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_reason"),
                (Long) rs.getObject("reverses_id", Long.class), (Long) rs.getObject("campaign_id", Long.class));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
