package org.outagedesk.outbox;

import static org.outagedesk.outbox.OutboxStore.COLUMNS;
import static org.outagedesk.outbox.OutboxStore.ROW;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The message list of {@code GET /api/messages}: every outbound message, filtered, newest first. */
@Component
class MessageSearch {

    private final NamedParameterJdbcTemplate named;

    MessageSearch(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /** Every message matching the filters (each optional), newest first: the message list of GET /api/messages. */
    List<OutboxMessage> find(@Nullable Long incidentId, @Nullable String kind, @Nullable String recipient,
            @Nullable MessageStatus status, long offset, int limit) {
        MapSqlParameterSource p = searchParams(incidentId, kind, recipient, status).addValue("offset", offset)
                .addValue("limit", limit);
        return named.query("select " + COLUMNS + " from outbox_message m" + searchWhere(incidentId, kind, recipient,
                status) + " order by m.id desc offset :offset rows fetch next :limit rows only", p, ROW);
    }

    long count(@Nullable Long incidentId, @Nullable String kind, @Nullable String recipient,
            @Nullable MessageStatus status) {
        Long n = named.queryForObject("select count(*) from outbox_message m" + searchWhere(incidentId, kind,
                recipient, status), searchParams(incidentId, kind, recipient, status), Long.class);
        return n == null ? 0 : n;
    }

    private static MapSqlParameterSource searchParams(@Nullable Long incidentId, @Nullable String kind,
            @Nullable String recipient, @Nullable MessageStatus status) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (incidentId != null) {
            p.addValue("incident", incidentId).addValue("incidentText", ":" + incidentId + ":");
        }
        if (kind != null) {
            p.addValue("kind", kind);
        }
        if (recipient != null) {
            p.addValue("recipient", recipient);
        }
        if (status != null) {
            p.addValue("status", status.name());
        }
        return p;
    }

    /**
     * Messages carry no incident column: a notice's belong to the incident through customer_notice; the store and
     * team e-mails' event keys name their incident (":incident:" in {@code hold-placed:H}, etc.) through their hold
     * or violation, or directly (update-overdue:I:...).
     */
    private static String searchWhere(@Nullable Long incidentId, @Nullable String kind, @Nullable String recipient,
            @Nullable MessageStatus status) {
        List<String> where = new ArrayList<>();
        if (incidentId != null) {
            where.add("(m.event_key in (select concat('NOTICE:', cast(n.id as varchar(20))) from customer_notice n"
                    + " where n.incident_id = :incident)"
                    + " or m.event_key like concat('update-overdue', :incidentText, '%')"
                    + " or m.event_key like concat('retail-instruction', :incidentText, '%')"
                    + " or exists (select 1 from sales_hold h where h.incident_id = :incident and (m.event_key in ("
                    + "concat('hold-placed:', cast(h.id as varchar(20))), concat('hold-lifted:', cast(h.id as"
                    + " varchar(20))), concat('escalation:', cast(h.id as varchar(20))))"
                    + " or m.event_key like concat('ack-reminder:', cast(h.id as varchar(20)), ':%')))"
                    + " or exists (select 1 from sale_violation v where v.incident_id = :incident"
                    + " and m.event_key = concat('violation:', cast(v.id as varchar(20)))))");
        }
        if (kind != null) {
            where.add("m.kind = :kind");
        }
        if (recipient != null) {
            where.add("(m.recipient_key = :recipient or m.address = :recipient)");
        }
        if (status != null) {
            where.add("m.status = :status");
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }
}
