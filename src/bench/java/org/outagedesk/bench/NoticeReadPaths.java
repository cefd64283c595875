package org.outagedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.bench.BenchContext.thousands;
import static org.outagedesk.bench.BenchContext.verdict;

import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.outagedesk.base.SystemActor;
import org.outagedesk.bench.ResultTable.Row;
import org.outagedesk.bench.ResultTable.Unit;
import org.outagedesk.notices.NoticeMessage;
import org.outagedesk.notices.NoticeService;
import org.outagedesk.reports.export.NoticeDeliveryExport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What people read of a finished notice (issue 13), in this JVM: a page of its messages with their count, its figures,
 * its delivery report. Run by {@link NoticePaths} on the notice it has just sent.
 */
final class NoticeReadPaths {

    private final BenchContext ctx;

    NoticeReadPaths(BenchContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The finished notice's messages: a page from the middle as {@code GET /api/notices/{id}/messages} gives it (the
     * page and the total), beside the same page and count in hand-written SQL; then its delivery report (XLSX),
     * timed alone. Until migration V108 both read and sorted every message of the notice first.
     */
    void finishedNotice(long id, String event, long rows) throws Exception {
        NoticeService notices = ctx.bean(NoticeService.class);
        JdbcTemplate jdbc = ctx.bean(JdbcTemplate.class);
        int size = 50;
        int page = (int) (rows / size / 2);
        Stats service = new Stats();
        Stats raw = new Stats();
        Callable<List<Long>> serviceCall = () -> SystemActor.call(() -> {
            assertThat(notices.messageCount(id, null)).isEqualTo(rows);
            return notices.messages(id, null, page, size).stream().map(NoticeMessage::id).toList();
        });
        Callable<List<Long>> rawCall = () -> {
            List<Long> ids = jdbc.query("select id, subscriber_id, channel, address, status, skip_reason, last_error,"
                    + " attempts, sms_parts, queued_at, not_before, sent_at, done_at from outbox_message"
                    + " where event_key = ? order by event_key, status, channel, id"
                    + " offset ? rows fetch next ? rows only",
                    (rs, n) -> rs.getLong(1), event, (long) page * size, size);
            assertThat(jdbc.queryForObject("select count(*) from outbox_message where event_key = ?", Long.class,
                    event)).isEqualTo(rows);
            return ids;
        };
        List<Long> expected = ctx.light(serviceCall, service, rawCall, raw);
        assertThat(serviceCall.call()).isEqualTo(expected).hasSize((int) Math.min(size, rows - (long) page * size));
        ctx.log("notice messages page", service);
        ctx.log("notice messages page baseline", raw);
        ctx.table.add(new Row("notice's messages: rows " + thousands((long) page * size) + "+50 of "
                + thousands(rows) + " and their count", Unit.MS, service, raw, "≤ 2x", verdict(service.median()
                        <= 2 * raw.median()), "—", "NoticeService.messages and messageCount (GET"
                        + " /api/notices/{id}/messages) vs the same page and count in SQL"));

        Stats figures = new Stats();
        Stats rawFigures = new Stats();
        Callable<Long> figuresCall = () -> SystemActor.call(() -> notices.get(id).total());
        Callable<Long> rawFiguresCall = () -> jdbc.query("select channel, status, count(*) from outbox_message where"
                + " event_key = ? group by status, channel", rs -> {
                    long n = 0;
                    while (rs.next()) {
                        n += rs.getLong(3);
                    }
                    return n;
                }, event);
        assertThat(ctx.light(figuresCall, figures, rawFiguresCall, rawFigures)).isEqualTo(rows);
        ctx.log("notice figures", figures);
        ctx.log("notice figures baseline", rawFigures);
        ctx.table.add(new Row("notice's figures (" + thousands(rows) + " messages)", Unit.MS, figures, rawFigures,
                "≤ 2x", verdict(figures.median() <= 2 * rawFigures.median()), "—", "NoticeService.get (the screen's"
                        + " and GET /api/notices/{id}'s counts by status and channel, in doubt) vs one GROUP BY of"
                        + " the counts in SQL"));

        NoticeDeliveryExport report = ctx.bean(NoticeDeliveryExport.class);
        Stats export = new Stats();
        long written = export.time(() -> SystemActor.call(() -> report.write(id, OutputStream.nullOutputStream())));
        assertThat(written).isEqualTo(rows);
        ctx.log("notice delivery report", export);
        ctx.table.add(new Row("notice's delivery report (XLSX), " + thousands(rows) + " rows", Unit.MS, export, null,
                "—", "—", ResultTable.mb(export.peakHeapBytes()), "NoticeDeliveryExport.write to a discarding"
                        + " stream (GET /api/exports/notice-delivery.xlsx); no baseline"));
    }
}
