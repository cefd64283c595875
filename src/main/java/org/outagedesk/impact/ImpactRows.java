package org.outagedesk.impact;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features do with the impact table, so that none of them reads or locks it with SQL of its own. The
 * credits feature finds a subscriber's impact and locks it before changing their credits (two credits to one
 * subscriber queue up on that row, campaigns included); a campaign walks an incident's impacts in id order, batch by
 * batch, and locks each batch the same way.
 * <p>
 * It opens no transaction: every method joins the caller's (MANDATORY), and the locks hold until that one ends.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ImpactRows {

    /** A subscriber's impact in an incident: what a credit goes to. */
    public record SubscriberImpact(long impactId, long subscriberId, String msisdn, String name, String status,
            boolean dataPlan) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ImpactRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The subscriber with this number among the incident's affected, or empty when they are not affected. */
    public Optional<SubscriberImpact> find(long incidentId, String msisdn) {
        return jdbc.query("select i.id, s.id sid, s.msisdn, s.name, i.status, s.data_plan"
                + " from impact i join subscriber s on s.id = i.subscriber_id"
                + " where s.msisdn = :msisdn and i.incident_id = :incident",
                new MapSqlParameterSource("msisdn", msisdn).addValue("incident", incidentId),
                (rs, n) -> new SubscriberImpact(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6))).stream().findFirst();
    }

    /** Locks the subscriber's impact row until the caller's transaction ends. */
    public void lock(SubscriberImpact impact) {
        jdbc.queryForList("select id from impact where id = :id for update",
                new MapSqlParameterSource("id", impact.impactId()), Long.class);
    }

    /** How many subscribers the incident affects. */
    public long count(long incidentId) {
        return jdbc.queryForObject("select count(*) from impact where incident_id = :incident",
                new MapSqlParameterSource("incident", incidentId), Long.class);
    }

    /** The last impact id of the next batch of {@code size} after {@code cursor}, or null when none is left. */
    public @Nullable Long nextBatchEnd(long incidentId, long cursor, int size) {
        List<Long> ids = jdbc.queryForList("select id from impact where incident_id = :incident and id > :cursor"
                + " order by incident_id, id offset " + (size - 1) + " rows fetch next 1 rows only",
                new MapSqlParameterSource("incident", incidentId).addValue("cursor", cursor), Long.class);
        if (!ids.isEmpty()) {
            return ids.getFirst();
        }
        return jdbc.queryForObject("select max(id) from impact where incident_id = :incident and id > :cursor",
                new MapSqlParameterSource("incident", incidentId).addValue("cursor", cursor), Long.class);
    }

    /**
     * Locks the incident's impact rows with ids in (from, to], as a single credit locks its one, until the caller's
     * transaction ends; returns how many there are.
     */
    public int lockBatch(long incidentId, long from, long to) {
        return jdbc.queryForList("select id from impact where incident_id = :incident and id > :from and id <= :to"
                + " for update", new MapSqlParameterSource("incident", incidentId).addValue("from", from)
                .addValue("to", to), Long.class).size();
    }
}
