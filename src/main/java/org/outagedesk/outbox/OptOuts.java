package org.outagedesk.outbox;

import static org.outagedesk.outbox.OutboxStore.instant;
import static org.outagedesk.outbox.OutboxStore.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The numbers that replied STOP (or were opted out by hand): no text goes to them. Runs in the caller's transaction.
 */
@Component
class OptOuts {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    OptOuts(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    boolean add(String msisdn, String source, String by, Instant now) {
        Integer n = jdbc.queryForObject("select count(*) from sms_opt_out where msisdn = ?", Integer.class, msisdn);
        if (n != null && n > 0) {
            return false;
        }
        jdbc.update("insert into sms_opt_out (msisdn, opted_out_at, source, recorded_by) values (?, ?, ?, ?)",
                msisdn, utc(now), source, by);
        return true;
    }

    List<String> optedOutAmong(Collection<String> msisdns) {
        if (msisdns.isEmpty()) {
            return List.of();
        }
        return named.queryForList("select msisdn from sms_opt_out where msisdn in (:n)",
                new MapSqlParameterSource("n", msisdns), String.class);
    }

    List<OptOut> page(long offset, int limit) {
        return jdbc.query("select msisdn, opted_out_at, source, recorded_by from sms_opt_out order by opted_out_at"
                + " desc, msisdn offset ? rows fetch next ? rows only", (rs, n) -> new OptOut(rs.getString(1),
                        instant(rs, 2), rs.getString(3), rs.getString(4)), offset, limit);
    }

    long count() {
        Long n = jdbc.queryForObject("select count(*) from sms_opt_out", Long.class);
        return n == null ? 0 : n;
    }
}
