package org.outagedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;
import static org.outagedesk.bench.BenchContext.ratio;
import static org.outagedesk.bench.BenchContext.thousands;
import static org.outagedesk.bench.BenchContext.verdict;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.SystemActor;
import org.outagedesk.bench.ResultTable.Row;
import org.outagedesk.bench.ResultTable.Unit;
import org.outagedesk.credits.CampaignDetails;
import org.outagedesk.credits.CampaignDryRun;
import org.outagedesk.credits.CampaignService;
import org.outagedesk.credits.CampaignStatus;
import org.outagedesk.credits.CreditService;
import org.outagedesk.credits.NewCampaign;
import org.outagedesk.credits.NewCredit;
import org.outagedesk.credits.TierRules;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * In this JVM: the 2009 campaign and its re-run, then the top-up and the reversal, each beside one INSERT ... SELECT
 * of the same rows.
 */
final class CampaignPaths {

    private final BenchContext ctx;

    CampaignPaths(BenchContext ctx) {
        this.ctx = ctx;
    }

    void campaign() throws Exception {
        CampaignService campaigns = ctx.bean(CampaignService.class);
        JdbcTemplate jdbc = ctx.bean(JdbcTemplate.class);
        // warm-up: the sample incident's own 2009 campaign, submitted by the sample data and waiting for approval
        Long sample = jdbc.queryForObject("select min(id) from campaign where status = 'SUBMITTED'", Long.class);
        if (sample != null) {
            approveAndWait(campaigns, sample);
        }
        Stats run = new Stats();
        Stats insertSelect = new Stats();
        Long previous = null;
        long credited = 0;
        for (int i = 0; i < ctx.runs; i++) {
            if (previous != null) {
                jdbc.update("delete from credit where campaign_id = ?", previous); // every run pays from scratch
            }
            long id = SystemActor.call(() -> campaigns.create(twoTier2009(ctx.incident))).id();
            CampaignDryRun dry = SystemActor.call(() -> campaigns.dryRun(id));
            SystemActor.run(() -> campaigns.submit(id));
            CampaignDetails done = run.time(() -> approveAndWait(campaigns, id));
            assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
            assertThat(done.credited()).isEqualTo(dry.grandTotal());
            credited = jdbc.queryForObject("select count(*) from credit where campaign_id = ?", Long.class, id);
            BigDecimal sum = jdbc.queryForObject("select sum(amount) from credit where campaign_id = ?",
                    BigDecimal.class, id);
            long[] baseline = insertSelect.time(() -> insertSelectBaseline(jdbc));
            assertThat(baseline[0]).as("credits of the baseline").isEqualTo(credited);
            assertThat(BigDecimal.valueOf(baseline[1], 2)).isEqualByComparingTo(sum);
            previous = id;
        }
        ctx.log("campaign run", run);
        ctx.log("campaign baseline", insertSelect);
        // the re-run: the job starts again from the first impact, as after a crash that lost its progress
        long id = previous;
        jdbc.update("update campaign set status = 'RUNNING', job_cursor = 0, job_processed = 0, completed_at = null"
                + " where id = ?", id);
        Stats rerun = new Stats();
        CampaignDetails again = rerun.time(() -> {
            SystemActor.run(() -> campaigns.resume(id));
            return waitFor(campaigns, id);
        });
        long after = jdbc.queryForObject("select count(*) from credit where campaign_id = ?", Long.class, id);
        long added = after - credited;
        ctx.log("campaign re-run", rerun);
        ctx.table.add(new Row("campaign: 2009 two tiers ($20 data month, $100 lost photos/contacts), "
                + thousands(credited) + " credits", Unit.MS, run, insertSelect, "≤ 2x", verdict(ratio(run,
                insertSelect) <= 2), ResultTable.mb(run.peakHeapBytes()) + " (in-process)",
                "from approval to COMPLETED, batched with cap and once-only checks, vs one INSERT ... SELECT per"
                        + " tier into a table with the same unique key"));
        ctx.table.add(new Row("campaign re-run from the first impact (must add 0)", Unit.MS, rerun, null,
                "adds 0", verdict(added == 0 && again.status() == CampaignStatus.COMPLETED), "—",
                "added " + added + " credits"));
        assertThat(added).as("credits added by the re-run").isZero();
        // the paths after this one (top-up, reversal) pay campaigns of their own against the cap: take back what this
        // path paid, the warm-up's sample campaign included, so that their baselines count the same subscribers
        jdbc.update("delete from credit where campaign_id = ?", id);
        if (sample != null) {
            jdbc.update("delete from credit where campaign_id = ?", sample);
        }
    }

    /**
     * Top-up (tier 1 from $20 to $25) and reversal of a completed 2009 campaign, each beside one INSERT ... SELECT
     * of the same rows; during the reversal a single credit to a subscriber of the same incident is timed (it must
     * not wait on the reversal). Each run pays a fresh campaign (not timed) and removes it afterwards.
     */
    void topUpAndReverse() throws Exception {
        CampaignService campaigns = ctx.bean(CampaignService.class);
        CreditService credits = ctx.bean(CreditService.class);
        JdbcTemplate jdbc = ctx.bean(JdbcTemplate.class);
        Stats topUp = new Stats();
        Stats topUpBaseline = new Stats();
        Stats reverse = new Stats();
        Stats reverseBaseline = new Stats();
        Stats topUpByHand = new Stats();
        Stats reverseByHand = new Stats();
        Stats single = new Stats();
        Stats rerun = new Stats();
        long toppedUp = 0;
        long reversedCount = 0;
        long rerunAdded = 0;
        for (int i = 0; i < ctx.runs; i++) {
            long id = SystemActor.call(() -> campaigns.create(twoTier2009(ctx.incident))).id();
            SystemActor.run(() -> campaigns.submit(id));
            approveAndWait(campaigns, id);

            // the same rows written by hand into the ledger itself (all its indexes and keys), one statement, then
            // taken away again (not timed): what the engine needs for them, before any batching, lock or cap check
            String tierOne = " from credit c join campaign_tier t on t.id = c.campaign_tier_id where c.campaign_id = "
                    + id + " and t.tier_no = 1 and c.tier_round = 0 and c.entry_type = 'CREDIT' and c.status = 'ISSUED'";
            long byHand = topUpByHand.time(() -> jdbc.update(LEDGER_INSERT + "select " + ctx.nextValue("credit_seq") + ","
                    + " c.incident_id, c.subscriber_id, c.reason_code, 5.00, c.currency, 'by hand', 'ISSUED', 'CREDIT',"
                    + " null, 'bench', current_timestamp, 'bench', current_timestamp, null, c.campaign_id,"
                    + " c.campaign_tier_id, 1, 0" + tierOne));
            jdbc.update("delete from credit where campaign_id = ? and tier_round = 1", id);
            topUp.time(() -> {
                SystemActor.run(() -> campaigns.topUp(id, 1, new BigDecimal("25.00")));
                return waitFor(campaigns, id, "COMPLETED");
            });
            toppedUp = jdbc.queryForObject("select count(*) from credit where campaign_id = ? and tier_round = 1",
                    Long.class, id);
            assertThat(byHand).as("top-up rows written by hand").isEqualTo(toppedUp);
            long baselineTopUp = topUpBaseline.time(() -> copyBaseline(jdbc, "select c.incident_id,"
                    + " c.subscriber_id, 5.00 from credit c join campaign_tier t on t.id = c.campaign_tier_id"
                    + " where c.campaign_id = " + id + " and t.tier_no = 1 and c.tier_round = 0"
                    + " and c.entry_type = 'CREDIT' and c.status = 'ISSUED'"));
            assertThat(baselineTopUp).as("top-up rows of the baseline").isEqualTo(toppedUp);

            String msisdn = jdbc.queryForObject("select s.msisdn from impact i join subscriber s on s.id ="
                    + " i.subscriber_id where i.incident_id = ? and i.status = 'NOT_AFFECTED' order by i.id"
                    + " fetch first 1 rows only", String.class, ctx.incident);
            long standing = jdbc.queryForObject("select count(*) from credit where campaign_id = ?"
                    + " and entry_type = 'CREDIT' and status = 'ISSUED'", Long.class, id);
            long baselineReverse = reverseBaseline.time(() -> copyBaseline(jdbc, "select c.incident_id,"
                    + " c.subscriber_id, -c.amount from credit c where c.campaign_id = " + id
                    + " and c.entry_type = 'CREDIT' and c.status = 'ISSUED'"));
            assertThat(baselineReverse).isEqualTo(standing);
            String standingCredits = " where c.campaign_id = " + id
                    + " and c.entry_type = 'CREDIT' and c.status = 'ISSUED'";
            long reversedByHand = reverseByHand.time(() -> {
                long n = jdbc.update(LEDGER_INSERT + "select " + ctx.nextValue("credit_seq") + ", c.incident_id, c.subscriber_id,"
                        + " c.reason_code, -c.amount, c.currency, 'by hand', 'ISSUED', 'REVERSAL', c.id, 'bench',"
                        + " current_timestamp, 'bench', current_timestamp, 'by hand', c.campaign_id,"
                        + " c.campaign_tier_id, c.tier_round, 0 from credit c" + standingCredits);
                jdbc.update("update credit c set status = 'REVERSED', version = version + 1" + standingCredits);
                return n;
            });
            assertThat(reversedByHand).isEqualTo(standing);
            jdbc.update("delete from credit where campaign_id = ? and entry_type = 'REVERSAL'", id);
            jdbc.update("update credit set status = 'ISSUED', version = version - 1 where campaign_id = ?"
                    + " and status = 'REVERSED'", id);
            reverse.time(() -> {
                SystemActor.run(() -> campaigns.reverse(id, "benchmark"));
                // a single credit for the same incident while the reversal runs
                single.time(() -> SystemActor.call(() -> credits.issue(new NewCredit(msisdn, ctx.incident, "GOODWILL",
                        new BigDecimal("1.00"), "during the reversal"), null)));
                return waitFor(campaigns, id, "REVERSED");
            });
            reversedCount = jdbc.queryForObject("select count(*) from credit where campaign_id = ?"
                    + " and entry_type = 'REVERSAL'", Long.class, id);
            assertThat(reversedCount).isEqualTo(standing);

            // the reversal again from its first credit, as after a crash that lost its progress: takes back nothing
            jdbc.update("update campaign set status = 'REVERSING', job_cursor = 0, job_processed = 0 where id = ?",
                    id);
            rerun.time(() -> {
                SystemActor.run(() -> campaigns.resume(id));
                return waitFor(campaigns, id, "REVERSED");
            });
            rerunAdded = jdbc.queryForObject("select count(*) from credit where campaign_id = ?"
                    + " and entry_type = 'REVERSAL'", Long.class, id) - reversedCount;
            assertThat(rerunAdded).as("reversals added by the re-run").isZero();

            jdbc.update("delete from credit where campaign_id = ? and entry_type = 'REVERSAL'", id);
            jdbc.update("delete from credit where campaign_id = ?", id);
        }
        ctx.log("top-up", topUp);
        ctx.log("top-up baseline", topUpBaseline);
        ctx.log("reverse", reverse);
        ctx.log("reverse baseline", reverseBaseline);
        ctx.log("top-up by hand", topUpByHand);
        ctx.log("reverse by hand", reverseByHand);
        ctx.log("single credit during the reversal", single);
        if (ctx.paths.contains("top-up")) {
            ctx.table.add(new Row("top-up of tier 1, $20 to $25: " + thousands(toppedUp) + " credits of $5",
                    Unit.MS, topUp, topUpBaseline, "≤ 2x", verdict(ratio(topUp, topUpBaseline) <= 2), "—",
                    "from the request to COMPLETED, batches of impacts locked for the cap, vs one INSERT ... SELECT"));
            ctx.table.add(new Row("top-up beside the same rows written by hand into the ledger (`credit`)", Unit.MS,
                    topUp, topUpByHand, "—", "—", "—", "one INSERT ... SELECT into `credit` with all its keys and"
                            + " indexes, no batch, lock or cap check: what the ledger's indexes cost is in the baseline"));
        }
        if (ctx.paths.contains("reverse")) {
            ctx.table.add(new Row("reverse the campaign: " + thousands(reversedCount) + " compensating entries",
                    Unit.MS, reverse, reverseBaseline, "≤ 2x", verdict(ratio(reverse, reverseBaseline) <= 2), "—",
                    "from the request to REVERSED, batches of the campaign's credits, no impact locked, vs one"
                            + " INSERT ... SELECT"));
            ctx.table.add(new Row("reversal beside the same two statements by hand on the ledger (`credit`)",
                    Unit.MS, reverse, reverseByHand, "—", "—", "—", "the compensating INSERT ... SELECT and the"
                            + " UPDATE to REVERSED over the whole campaign at once, no batches"));
            ctx.table.add(new Row("a single credit of the same incident during the reversal", Unit.MS, single, null,
                    "< 1 s", verdict(single.all().stream().mapToDouble(Double::doubleValue).max().orElse(0) < 1000), "—", "issued while the reversal runs"));
            ctx.table.add(new Row("the reversal re-run from its first credit (must add 0)", Unit.MS, rerun, null,
                    "adds 0", verdict(rerunAdded == 0), "—", "added " + rerunAdded + " reversals"));
        }
    }

    private static final String LEDGER_INSERT = "insert into credit (id, incident_id, subscriber_id, reason_code,"
            + " amount, currency, note, status, entry_type, reverses_id, requested_by, requested_at, decided_by,"
            + " decided_at, decision_reason, campaign_id, campaign_tier_id, tier_round, version) ";

    /** The baseline of a bulk path: one INSERT ... SELECT of its rows into a table with the ledger's unique key. */
    private static long copyBaseline(JdbcTemplate jdbc, String select) {
        jdbc.execute("drop table if exists bench_credit");
        jdbc.execute("create table bench_credit (id bigint generated by default as identity primary key,"
                + " incident_id bigint not null, subscriber_id bigint not null, amount numeric(19,2) not null,"
                + " constraint bench_credit_uk unique (subscriber_id, amount))");
        try {
            return jdbc.update("insert into bench_credit (incident_id, subscriber_id, amount) " + select);
        } finally {
            jdbc.execute("drop table bench_credit");
        }
    }

    private static NewCampaign twoTier2009(long incidentId) {
        return new NewCampaign(incidentId, "Benchmark 2009 compensation " + System.nanoTime(), List.of(
                new NewCampaign.Tier("Month of data service", new TierRules(EnumSet.of(DataLossStatus.UNKNOWN,
                        DataLossStatus.DEVICE_ONLY, DataLossStatus.LOST, DataLossStatus.RECOVERED), null, true, null,
                        null), "DATA_SERVICE_MONTH", new BigDecimal("20.00")),
                new NewCampaign.Tier("Permanent loss of photos or contacts", new TierRules(
                        EnumSet.of(DataLossStatus.LOST), EnumSet.of(DataCategory.PHOTOS, DataCategory.CONTACTS), null,
                        null, null), "PERMANENT_LOSS", new BigDecimal("100.00"))));
    }

    private long[] insertSelectBaseline(JdbcTemplate jdbc) {
        jdbc.execute("drop table if exists bench_credit");
        jdbc.execute("create table bench_credit (id bigint generated by default as identity primary key,"
                + " incident_id bigint not null, subscriber_id bigint not null, tier integer not null,"
                + " amount numeric(19,2) not null, constraint bench_credit_uk unique (tier, subscriber_id))");
        try {
            jdbc.update("insert into bench_credit (incident_id, subscriber_id, tier, amount) select i.incident_id,"
                    + " i.subscriber_id, 1, 20.00 from impact i join subscriber s on s.id = i.subscriber_id"
                    + " where i.incident_id = ? and i.status in ('UNKNOWN','DEVICE_ONLY','LOST','RECOVERED')"
                    + " and s.data_plan = true", ctx.incident);
            jdbc.update("insert into bench_credit (incident_id, subscriber_id, tier, amount) select i.incident_id,"
                    + " i.subscriber_id, 2, 100.00 from impact i where i.incident_id = ? and i.status = 'LOST'"
                    + " and (i.cat_photos = true or i.cat_contacts = true)", ctx.incident);
            Map<String, Object> r = jdbc.queryForMap("select count(*) n, sum(amount) total from bench_credit");
            return new long[] {((Number) r.get("N")).longValue(),
                    ((BigDecimal) r.get("TOTAL")).movePointRight(2).longValueExact()};
        } finally {
            jdbc.execute("drop table bench_credit");
        }
    }

    private CampaignDetails approveAndWait(CampaignService campaigns, long id) throws InterruptedException {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bench-approver", null, List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.INCIDENT_MANAGER))));
        try {
            campaigns.approve(id);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return waitFor(campaigns, id);
    }

    /**
     * Waits for the campaign to complete, looking at its status row only (the details sum every credit of the
     * campaign: asking for them every few milliseconds would slow the run down that is being measured).
     */
    private CampaignDetails waitFor(CampaignService campaigns, long id) throws InterruptedException {
        return waitFor(campaigns, id, "COMPLETED");
    }

    private CampaignDetails waitFor(CampaignService campaigns, long id, String status) throws InterruptedException {
        JdbcTemplate jdbc = ctx.bean(JdbcTemplate.class);
        waitUpTo(Duration.ofMinutes(60), Duration.ofMillis(100), "campaign " + id + " reaches " + status).until(() -> {
            Map<String, Object> row = jdbc.queryForMap("select status, job_error from campaign where id = ?", id);
            if (row.get("JOB_ERROR") != null && !status.equals(row.get("STATUS"))) {
                throw new IllegalStateException("Campaign " + id + " failed: " + row.get("JOB_ERROR"));
            }
            return status.equals(row.get("STATUS"));
        });
        return SystemActor.call(() -> campaigns.get(id));
    }
}
