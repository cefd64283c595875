package org.outagedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.bench.BenchContext.ratio;
import static org.outagedesk.bench.BenchContext.thousands;
import static org.outagedesk.bench.BenchContext.verdict;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.outagedesk.base.SystemActor;
import org.outagedesk.bench.ResultTable.Row;
import org.outagedesk.bench.ResultTable.Unit;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.ImpactCounts;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactRow;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.reports.ImpactSummary;
import org.outagedesk.reports.ImpactSummaryService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/** In this JVM: the grid page, the counts and the impact summary, each beside its hand-written SQL. */
final class GridPaths {

    private static final int PAGE_SIZE = 50;

    private final BenchContext ctx;

    GridPaths(BenchContext ctx) {
        this.ctx = ctx;
    }

    void grid() throws Exception {
        ImpactService impacts = ctx.bean(ImpactService.class);
        JdbcTemplate jdbc = ctx.bean(JdbcTemplate.class);
        Map<String, Object> biggest = jdbc.queryForMap("select s.region, count(*) n from impact i"
                + " join subscriber s on s.id = i.subscriber_id where i.incident_id = ? and i.status = 'LOST'"
                + " group by s.region order by count(*) desc, s.region fetch first 1 rows only", ctx.incident);
        String region = (String) biggest.get("REGION");
        long matching = ((Number) biggest.get("N")).longValue();
        int page = (int) (matching / PAGE_SIZE / 2);
        ImpactFilter filter = new ImpactFilter(EnumSet.of(DataLossStatus.LOST), null, null, region, null, null,
                null);
        PageRequest request = PageRequest.of(page, PAGE_SIZE, Sort.by("name"));
        Stats service = new Stats();
        Stats raw = new Stats();
        Callable<List<String>> serviceCall = () -> {
            Page<ImpactRow> p = SystemActor.call(() -> impacts.find(ctx.incident, filter, request));
            assertThat(p.getTotalElements()).isEqualTo(matching);
            return p.getContent().stream().map(ImpactRow::msisdn).toList();
        };
        // the SQL one would write by hand for this schema: the page on the impact's indexes, then its subscribers
        String where = " from impact i where i.incident_id = ? and i.status = 'LOST' and i.region = ?";
        Callable<List<String>> rawCall = () -> {
            List<String> rows = jdbc.query("select s.msisdn, s.account_number, i.name, i.sku_code, i.store_code,"
                    + " i.region, i.status, i.cat_contacts, i.cat_photos, i.cat_email, i.cat_sms, i.cat_calendar,"
                    + " i.cat_todo, i.last_contacted_at from (select i.id" + where + " order by i.name,"
                    + " i.subscriber_id offset ? rows fetch next ? rows only) p join impact i on i.id = p.id"
                    + " join subscriber s on s.id = i.subscriber_id order by i.name, i.subscriber_id",
                    (rs, n) -> rs.getString(1), ctx.incident, region, (long) page * PAGE_SIZE, PAGE_SIZE);
            Long total = jdbc.queryForObject("select count(*)" + where, Long.class, ctx.incident, region);
            assertThat(total).isEqualTo(matching);
            return rows;
        };
        List<String> expected = ctx.light(serviceCall, service, rawCall, raw);
        // a full page, unless a small run has fewer matches than two pages (2,000 subscribers: about 50 in a region)
        assertThat(serviceCall.call()).isEqualTo(expected).hasSize((int) Math.min(PAGE_SIZE,
                matching - (long) page * PAGE_SIZE));
        ctx.log("grid page", service);
        ctx.log("grid page baseline", raw);
        ctx.table.add(new Row("grid page: LOST in " + region + ", sorted by name, rows " + thousands((long) page
                * PAGE_SIZE) + "+50 of " + thousands(matching), Unit.MS, service, raw, "≤ 2x and < 50 ms",
                verdict(ratio(service, raw) <= 2 && service.median() < 50), "—",
                "ImpactService.find (the grid's page call, which counts the total too) vs the same page and count"
                        + " as hand-written SQL"));
    }

    void counts() throws Exception {
        ImpactService impacts = ctx.bean(ImpactService.class);
        JdbcTemplate jdbc = ctx.bean(JdbcTemplate.class);
        Stats service = new Stats();
        Stats raw = new Stats();
        // every count is compared: the total, each status and each data category
        Callable<Map<String, Long>> serviceCall = () -> {
            ImpactCounts c = SystemActor.call(() -> impacts.counts(ctx.incident, ImpactFilter.all()));
            return everyCount(c.total(), c.byStatus(), c.byCategory());
        };
        Callable<Map<String, Long>> rawCall = () -> rawCounts(jdbc);
        Map<String, Long> expected = ctx.light(serviceCall, service, rawCall, raw);
        assertThat(serviceCall.call()).isEqualTo(expected);
        assertThat(expected.get("total")).isEqualTo(ctx.subscribers);
        ctx.log("counts", service);
        ctx.log("counts baseline", raw);
        ctx.table.add(new Row("counts by status and data category (whole incident)", Unit.MS, service, raw,
                "≤ 1.2x and < 100 ms", verdict(ratio(service, raw) <= 1.2 && service.median() < 100), "—",
                "ImpactService.counts vs one GROUP BY status with a SUM per category"));
    }

    /** The counts as one comparable map: "total", each status name and each category name. */
    private static Map<String, Long> everyCount(long total, Map<DataLossStatus, Long> byStatus,
            Map<DataCategory, Long> byCategory) {
        Map<String, Long> all = new TreeMap<>();
        all.put("total", total);
        for (DataLossStatus status : DataLossStatus.values()) {
            all.put(status.name(), byStatus.getOrDefault(status, 0L));
        }
        for (DataCategory category : DataCategory.values()) {
            all.put(category.name(), byCategory.getOrDefault(category, 0L));
        }
        return all;
    }

    /** The same counts by hand: one GROUP BY status with a SUM per category. */
    private Map<String, Long> rawCounts(JdbcTemplate jdbc) {
        Map<DataLossStatus, Long> byStatus = new EnumMap<>(DataLossStatus.class);
        Map<DataCategory, Long> byCategory = new EnumMap<>(DataCategory.class);
        long[] total = {0};
        StringBuilder sums = new StringBuilder();
        for (DataCategory category : DataCategory.values()) {
            sums.append(", sum(case when ").append(category.column()).append(" then 1 else 0 end)");
        }
        jdbc.query("select status, count(*)" + sums + " from impact where incident_id = ? group by status", rs -> {
            byStatus.put(DataLossStatus.valueOf(rs.getString(1)), rs.getLong(2));
            total[0] += rs.getLong(2);
            for (DataCategory category : DataCategory.values()) {
                byCategory.merge(category, rs.getLong(3 + category.ordinal()), Long::sum);
            }
        }, ctx.incident);
        return everyCount(total[0], byStatus, byCategory);
    }

    void summary() throws Exception {
        ImpactSummaryService summaries = ctx.bean(ImpactSummaryService.class);
        Stats service = new Stats();
        // the summary's figures against the database: every count by status and category
        ImpactSummary.Subscribers figures = SystemActor.call(() -> summaries.summarize(ctx.incident)).subscribers();
        assertThat(everyCount(figures.total(), figures.byStatus(), figures.byCategory()))
                .isEqualTo(rawCounts(ctx.bean(JdbcTemplate.class)));
        for (int i = 0; i < ctx.runs; i++) {
            service.time(() -> SystemActor.call(() -> summaries.summarize(ctx.incident)));
        }
        ctx.log("impact summary", service);
        ctx.table.add(new Row("impact summary (the executive dashboard, every figure and chart)", Unit.MS, service,
                null, "—", "—", "—", "no target set; the figures behind the Impact overview and"
                        + " GET /api/incidents/{id}/summary"));
    }
}
