package org.outagedesk.credits;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.SequenceSql;
import org.outagedesk.impact.ImpactSelection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The set-based statements of campaigns. Impacts are walked in id order in batches; each batch locks its impact rows
 * (the same lock a single credit takes; both through {@link org.outagedesk.impact.ImpactRows}) and inserts each tier's credits with one INSERT ... SELECT that skips
 * subscribers already credited in that tier and round, and clips the amount to the room under the cap. The UNIQUE
 * constraint (tier, round, entry type, subscriber) makes a second credit impossible even if this code were wrong.
 */
@Component
class CampaignSql {

    private final NamedParameterJdbcTemplate jdbc;
    private final SequenceSql sequences;

    CampaignSql(NamedParameterJdbcTemplate jdbc, SequenceSql sequences) {
        this.jdbc = jdbc;
        this.sequences = sequences;
    }

    /**
     * Streams every impact that any tier selects, with the subscriber's current net credit, and hands the caller
     * per row the tiers it matches (as a bit per tier) and that net; nothing is written.
     */
    void dryRun(long incidentId, List<CampaignTier> tiers, DryRunConsumer consumer) {
        MapSqlParameterSource p = new MapSqlParameterSource("incident", incidentId);
        StringBuilder select = new StringBuilder("select coalesce(c.net, 0)");
        List<String> conditions = new ArrayList<>();
        for (CampaignTier t : tiers) {
            String condition = ImpactSelection.where(t.getRules().criteria(), "t" + t.getTierNo() + "_", p);
            conditions.add("(" + condition + ")");
            select.append(", case when ").append(condition).append(" then 1 else 0 end");
        }
        String sql = select + " from " + ImpactSelection.FROM
                + " left join (select subscriber_id, sum(amount) net from credit where incident_id = :incident"
                + " and status in " + CreditStatus.COUNTED_SQL + " group by subscriber_id) c"
                + " on c.subscriber_id = " + ImpactSelection.SUBSCRIBER_ID
                + " where " + ImpactSelection.OF_INCIDENT + " and (" + String.join(" or ", conditions) + ")";
        jdbc.getJdbcTemplate().setFetchSize(1000);
        jdbc.query(sql, p, rs -> {
            boolean[] matches = new boolean[tiers.size()];
            for (int k = 0; k < matches.length; k++) {
                matches[k] = rs.getInt(k + 2) == 1;
            }
            consumer.accept(rs.getBigDecimal(1), matches);
        });
    }

    interface DryRunConsumer {
        void accept(BigDecimal net, boolean[] matches);
    }

    private static final String INSERT = "insert into credit (id, incident_id, subscriber_id, reason_code, amount,"
            + " currency, note, status, entry_type, reverses_id, requested_by, requested_at, decided_by, decided_at,"
            + " decision_reason, campaign_id, campaign_tier_id, tier_round, version) ";

    private static final String NET = "coalesce((select sum(c.amount) from credit c where c.incident_id = "
            + ImpactSelection.INCIDENT_ID + " and c.subscriber_id = " + ImpactSelection.SUBSCRIBER_ID
            + " and c.status in " + CreditStatus.COUNTED_SQL + "), 0)";

    /** Credits one tier (round 0) to the eligible, not yet credited subscribers of a batch. */
    int creditTier(Campaign campaign, CampaignTier tier, BigDecimal cap, long from, long to, Instant at) {
        MapSqlParameterSource p = params(campaign, tier, cap, from, to, at).addValue("round", 0);
        String rules = ImpactSelection.where(tier.getRules().criteria(), "r_", p);
        String sql = INSERT + "select " + sequences.next("credit_seq") + ", x.incident_id, x.subscriber_id, :reason,"
                + " x.amount, :currency, :note, 'ISSUED', 'CREDIT', null, :requestedBy, :at, :decidedBy, :at, null,"
                + " :campaign, :tier, :round, 0 from (select " + ImpactSelection.INCIDENT_ID + " incident_id, "
                + ImpactSelection.SUBSCRIBER_ID + " subscriber_id, least(:amount, :cap - " + NET + ") amount"
                + " from " + ImpactSelection.FROM_BATCH + " where " + rules
                + " and not exists (select 1 from credit d where d.campaign_tier_id = :tier and d.tier_round = :round"
                + " and d.entry_type = 'CREDIT' and d.subscriber_id = " + ImpactSelection.SUBSCRIBER_ID
                + ")) x where x.amount > 0";
        return jdbc.update(sql, p);
    }

    /**
     * Tops a tier up in a batch: to each subscriber whose round-0 credit of the tier stands, the new amount minus
     * what the tier already gave them, clipped to the room under the cap; once per round.
     */
    int topUpTier(Campaign campaign, CampaignTier tier, int round, BigDecimal cap, long from, long to, Instant at) {
        MapSqlParameterSource p = params(campaign, tier, cap, from, to, at).addValue("round", round);
        String sql = INSERT + "select " + sequences.next("credit_seq") + ", x.incident_id, x.subscriber_id, :reason,"
                + " x.amount, :currency, :note, 'ISSUED', 'CREDIT', null, :requestedBy, :at, :decidedBy, :at, null,"
                + " :campaign, :tier, :round, 0 from (select " + ImpactSelection.INCIDENT_ID + " incident_id, "
                + ImpactSelection.SUBSCRIBER_ID + " subscriber_id,"
                + " least(:amount - (select sum(g.amount) from credit g where g.campaign_tier_id = :tier"
                + " and g.subscriber_id = " + ImpactSelection.SUBSCRIBER_ID
                + " and g.entry_type = 'CREDIT' and g.status = 'ISSUED'), :cap - " + NET + ") amount"
                + " from " + ImpactSelection.FROM_BATCH_IMPACTS
                + " where exists (select 1 from credit e where e.campaign_tier_id = :tier and e.tier_round = 0"
                + " and e.entry_type = 'CREDIT' and e.status = 'ISSUED' and e.subscriber_id = "
                + ImpactSelection.SUBSCRIBER_ID + ")"
                + " and not exists (select 1 from credit d where d.campaign_tier_id = :tier and d.tier_round = :round"
                + " and d.entry_type = 'CREDIT' and d.subscriber_id = " + ImpactSelection.SUBSCRIBER_ID
                + ")) x where x.amount > 0";
        return jdbc.update(sql, p);
    }

    /** How many credits of the campaign stand (issued, not reversed): what a reversal has to undo. */
    long countStanding(long campaignId) {
        return jdbc.queryForObject("select count(*) from credit where campaign_id = :campaign and entry_type = 'CREDIT'"
                + " and status = 'ISSUED'", new MapSqlParameterSource("campaign", campaignId), Long.class);
    }

    /**
     * The last credit id of the next reversal batch after {@code cursor}, or null when none is left: a reversal walks
     * the campaign's own credits in id order (index credit_campaign_walk_ix), not the incident's impacts.
     */
    @Nullable Long nextCreditBatchEnd(long campaignId, long cursor, int size) {
        MapSqlParameterSource p = new MapSqlParameterSource("campaign", campaignId).addValue("cursor", cursor);
        List<Long> ids = jdbc.queryForList("select id from credit where campaign_id = :campaign and id > :cursor"
                + " order by campaign_id, id offset " + (size - 1) + " rows fetch next 1 rows only", p, Long.class);
        if (!ids.isEmpty()) {
            return ids.getFirst();
        }
        return jdbc.queryForObject("select max(id) from credit where campaign_id = :campaign and id > :cursor", p,
                Long.class);
    }

    /**
     * Reverses the campaign's standing credits with ids in (from, to]: compensating entries, then the status; two
     * statements over one range of the campaign's own credits. It takes no lock on impacts: a reversal only lowers a
     * subscriber's total, so a single credit checking the cap at the same moment can only see too little room, never
     * too much, and never waits for it. Done twice, it reverses nothing twice: only ISSUED credits are taken, and a
     * credit is reversed at most once (UNIQUE reverses_id).
     */
    int reverseBatch(Campaign campaign, String by, String reason, long from, long to, Instant at) {
        MapSqlParameterSource p = new MapSqlParameterSource("campaign", campaign.getId())
                .addValue("from", from).addValue("to", to)
                .addValue("by", by).addValue("reason", reason).addValue("at", Timestamp.from(at));
        String range = " where c.campaign_id = :campaign and c.id > :from and c.id <= :to and c.entry_type = 'CREDIT'"
                + " and c.status = 'ISSUED'";
        int reversed = jdbc.update(INSERT + "select " + sequences.next("credit_seq") + ", c.incident_id,"
                + " c.subscriber_id, c.reason_code, -c.amount, c.currency, :reason, 'ISSUED', 'REVERSAL', c.id, :by, :at,"
                + " :by, :at, :reason, c.campaign_id, c.campaign_tier_id, c.tier_round, 0 from credit c" + range, p);
        jdbc.update("update credit c set status = 'REVERSED', version = version + 1" + range, p);
        return reversed;
    }

    private static MapSqlParameterSource params(Campaign campaign, CampaignTier tier, BigDecimal cap, long from,
            long to, Instant at) {
        return new MapSqlParameterSource("incident", campaign.getIncidentId()).addValue("from", from)
                .addValue("to", to).addValue("campaign", campaign.getId()).addValue("tier", tier.getId())
                .addValue("reason", tier.getReasonCode()).addValue("amount", tier.getAmount().amount())
                .addValue("currency", tier.getAmount().currency().getCurrencyCode()).addValue("cap", cap)
                .addValue("note", trim("Campaign '" + campaign.getName() + "', tier " + tier.getTierNo() + " ("
                        + tier.getName() + ")"))
                .addValue("requestedBy", campaign.getCreatedBy())
                .addValue("decidedBy", campaign.getApprovedBy() == null ? campaign.getCreatedBy()
                        : campaign.getApprovedBy())
                .addValue("at", Timestamp.from(at));
    }

    private static String trim(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    /** Per tier: credits standing (count, sum) and reversed, for progress and totals. */
    List<TierFigures> figures(long campaignId) {
        return jdbc.query("select t.tier_no, count(case when c.entry_type = 'CREDIT' and c.tier_round = 0 then 1 end),"
                + " coalesce(sum(case when c.entry_type = 'CREDIT' then c.amount end), 0),"
                + " coalesce(sum(case when c.entry_type = 'REVERSAL' then c.amount end), 0)"
                + " from campaign_tier t left join credit c on c.campaign_tier_id = t.id"
                + " where t.campaign_id = :campaign group by t.tier_no order by t.tier_no",
                new MapSqlParameterSource("campaign", campaignId),
                (rs, n) -> new TierFigures(rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
    }

    record TierFigures(int tierNo, long subscribers, BigDecimal credited, BigDecimal reversed) {
    }
}
