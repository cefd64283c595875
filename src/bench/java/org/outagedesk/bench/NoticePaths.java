package org.outagedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;
import static org.outagedesk.bench.BenchContext.TILL_STORE;
import static org.outagedesk.bench.BenchContext.thousands;
import static org.outagedesk.bench.BenchContext.verdict;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.SystemActor;
import org.outagedesk.bench.ResultTable.Row;
import org.outagedesk.bench.ResultTable.Unit;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.notices.NewNotice;
import org.outagedesk.notices.NoticeMessage;
import org.outagedesk.notices.NoticeService;
import org.outagedesk.outbox.SmppProperties;
import org.outagedesk.reports.export.NoticeDeliveryExport;
import org.outagedesk.outbox.SmsText;
import org.outagedesk.outbox.SmscSimulator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.HtmlUtils;

/**
 * The notices path (issue 13), in this JVM: a customer notice to every subscriber of the incident through the outbox
 * and the benchmark's SMSC simulator, and an e-mail notice through the demo relay. The same notice killed halfway
 * is {@link KilledNoticePath}.
 */
final class NoticePaths {

    /** The notice's text: one SMS part for most names (GSM 7-bit), two for the longest. */
    static final String NOTICE_SMS = "Hi {name}: your Sidekick data service was interrupted and {statusText}."
            + " Updates: {advisoryUrl}";
    private static final String SMSC_USER = "outagedesk";
    private static final int WARM_UP_TEXTS = 20_000;
    private static final String SMSC_PASSWORD = "secret";

    private final BenchContext ctx;

    NoticePaths(BenchContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The SMSC simulator of the demo, started by the benchmark (not by the application) so that it outlives a
     * restart of the application and counts what it received across it; 5 % of the texts come back undeliverable,
     * receipts after 200 to 2,000 ms, no throttling (the bare client would have to retry in the same way).
     */
    static SmscSimulator benchSmsc() throws IOException {
        SmscSimulator smsc = new SmscSimulator(new SmscSimulator.Settings(0, SMSC_USER, SMSC_PASSWORD, 0.05, 0, 200,
                2000, 0));
        smsc.start();
        return smsc;
    }

    /** The application's settings for the benchmark's SMSC: no pacing (the carrier's rate is a contract, 100/s). */
    static List<String> smscSettings(SmscSimulator smsc) {
        return List.of("--outagedesk.demo.smsc.enabled=false", "--outagedesk.smpp.host=127.0.0.1",
                "--outagedesk.smpp.port=" + smsc.port(), "--outagedesk.smpp.system-id=" + SMSC_USER,
                "--outagedesk.smpp.password=" + SMSC_PASSWORD, "--outagedesk.smpp.rate=0",
                "--outagedesk.outbox.email-rate=0");
    }

    void notices() throws Exception {
        noticeSms(ctx.smsc);
        noticeEmail();
    }

    private void noticeSms(SmscSimulator smsc) throws Exception {
        NoticeService notices = ctx.bean(NoticeService.class);
        JdbcTemplate jdbc = ctx.bean(JdbcTemplate.class);
        long audience = jdbc.queryForObject("select count(*) from impact where incident_id = ?", Long.class,
                ctx.incident);
        // urgent: at this hour most of the audience would be in its quiet hours (those texts wait until 08:00)
        long id = SystemActor.call(() -> notices.create(new NewNotice(ctx.incident, "Benchmark notice "
                + System.nanoTime(), ImpactFilter.all(), List.of("SMS"), false, NOTICE_SMS, null, null, true))).id();
        SystemActor.run(() -> notices.submit(id));
        String event = "NOTICE:" + id;
        warmUp(smsc, ctx.bean(SmppProperties.class).window());
        smsc.resetCounts();
        smsc.keepRecipients(true);
        long t0 = System.nanoTime();
        /** When each phase ended (ns after the approval), -1 until it has; sampled every 500 ms. */
        final class Phases {
            long enqueued = -1;
            long submitted = -1;
            long receipted = -1;
            long cancelled = -1;
            long enqueuedRows = -1;

            boolean sample() {
                long now = System.nanoTime();
                if (ctx.noticeMinutes > 0 && cancelled < 0 && submitted < 0
                        && now - t0 > TimeUnit.MINUTES.toNanos(ctx.noticeMinutes)) {
                    // the time box: what is still queued is skipped, what was sent stays sent (and is accounted)
                    enqueuedRows = jdbc.queryForObject("select count(*) from outbox_message where event_key = ?",
                            Long.class, event);
                    SystemActor.run(() -> notices.cancel(id));
                    cancelled = System.nanoTime() - t0;
                    if (enqueued < 0) {
                        enqueued = cancelled;
                    }
                }
                if (enqueued < 0 && Boolean.TRUE.equals(jdbc.queryForObject("select enqueued_at is not null"
                        + " from customer_notice where id = ?", Boolean.class, id))) {
                    enqueued = now - t0;
                }
                // whether any row is left, not how many: counting a million index entries twice a second took
                // most of a core from the application it measures (the first run at a million, 2026-11-30)
                if ((enqueued >= 0 || cancelled >= 0) && submitted < 0 && !any(jdbc, event, "'QUEUED', 'SENDING'")) {
                    submitted = now - t0;
                }
                if (submitted >= 0 && !any(jdbc, event, "'SENT'")) {
                    receipted = now - t0;
                }
                return receipted >= 0;
            }
        }
        Phases phases = new Phases();
        long peak;
        try (HeapSampler heap = HeapSampler.here()) {
            asApprover(() -> notices.approve(id));
            try {
                waitUpTo(Duration.ofMinutes(120), Duration.ofMillis(500), "the notice's last receipt")
                        .until(phases::sample);
            } catch (ConditionTimeoutException e) {
                throw new IllegalStateException("The notice did not finish within 120 minutes: "
                        + statusCounts(jdbc, event), e);
            }
            peak = heap.max();
        }
        long enqueued = phases.enqueued;
        long submitted = phases.submitted;
        long receipted = phases.receipted;
        long cancelled = phases.cancelled;
        long enqueuedRows = phases.enqueuedRows;
        Map<String, Long> counts = statusCounts(jdbc, event);
        long rows = counts.values().stream().mapToLong(Long::longValue).sum();
        long receiptFailed = jdbc.queryForObject("select count(*) from outbox_message where event_key = ? and"
                + " status = 'FAILED' and last_error like 'The SMSC reports%'", Long.class, event);
        long delivered = counts.getOrDefault("DELIVERED", 0L);
        long expired = counts.getOrDefault("EXPIRED", 0L);
        long failed = counts.getOrDefault("FAILED", 0L);
        long skipped = counts.getOrDefault("SKIPPED", 0L);
        long accepted = delivered + receiptFailed + expired;
        // cancelled by the time box: the rows queued until then are the recipients (the rest were never queued)
        boolean accounted = (rows == audience || cancelled >= 0) && delivered + failed + expired + skipped == rows
                && smsc.receiptsSent() == accepted && smsc.undeliverable() == receiptFailed + expired
                && smsc.texts() == accepted && smsc.numbersReceivedTwice() == 0;
        String boxed = cancelled < 0 ? "" : String.format(Locale.ROOT, "cancelled after %d minutes (this run's time"
                + " box) with %,d of the %,d recipients queued; what was still queued is skipped, what was sent"
                + " stays sent; ", ctx.noticeMinutes, enqueuedRows, audience);
        String accounting = boxed + String.format(Locale.ROOT, "%,d recipients: %,d delivered, %,d failed (%,d by"
                + " the SMSC's receipt), %,d expired, %,d skipped; the simulator received %,d texts (%,d submits), sent"
                + " %,d receipts (%,d undeliverable), %d numbers got a text twice", rows, delivered, failed,
                receiptFailed, expired, skipped, smsc.texts(), smsc.submits(), smsc.receiptsSent(),
                smsc.undeliverable(), smsc.numbersReceivedTwice());
        ctx.log.append("notice: ").append(accounting).append('\n');
        Stats enqueue = new Stats(); // rows per second
        enqueue.add((cancelled >= 0 ? enqueuedRows : rows) / (enqueued / 1e9));
        Stats send = new Stats();
        send.add(accepted / (submitted / 1e9));
        Stats receipts = new Stats();
        receipts.add(receipted / 1e6);
        send.peakHeap(peak);
        ctx.log("notice queued, rows/s (approval to all in the outbox, or to the cancel)", enqueue);
        ctx.log("notice sent, texts/s (approval to nothing queued or sending)", send);
        ctx.log("notice receipts (approval to no text awaiting its receipt)", receipts);
        // the baselines below on a quiet application: the contacts of the last deliveries are written after the
        // last receipt (outbox.DeliveredMessages), and a baseline timed meanwhile would share the cores with them
        long quiet0 = System.nanoTime();
        waitUpTo(Duration.ofMinutes(30), Duration.ofMillis(500), "the deliveries handed over").until(() -> jdbc
                .queryForList("select 1 from outbox_delivered fetch first 1 rows only", Integer.class).isEmpty());
        ctx.log.append(String.format(Locale.ROOT, "deliveries handed over %,d ms after the last receipt%n",
                (System.nanoTime() - quiet0) / 1_000_000));

        // baseline 1: the same rows into a table of the outbox's shape, by hand
        long b0 = System.nanoTime();
        long copied = outboxBaseline(jdbc);
        Stats insertSelect = new Stats(); // rows per second
        insertSelect.add(copied / ((System.nanoTime() - b0) / 1e9));
        assertThat(copied).isEqualTo(audience);
        ctx.log("notice queued baseline, rows/s", insertSelect);

        // baseline 2: a bare jSMPP client sends the same texts to the same simulator, same window
        List<BareSmppClient.Text> texts = new ArrayList<>((int) accepted);
        int[] ref = {0};
        jdbc.query("select address, body from outbox_message where event_key = ? and status <> 'SKIPPED'"
                + " order by id", rs -> {
                    SmsText text = SmsText.of(rs.getString(2));
                    String to = rs.getString(1);
                    texts.add(new BareSmppClient.Text(to.startsWith("+") ? to.substring(1) : to,
                            text.payloads(ref[0]++ & 0xff), text.encoding() == SmsText.Encoding.UCS2));
                }, event);
        smsc.resetCounts();
        int window = ctx.bean(SmppProperties.class).window();
        BareSmppClient.Result bare = BareSmppClient.run(smsc.port(), SMSC_USER, SMSC_PASSWORD, "611", texts, window,
                TimeUnit.MINUTES.toMillis(30));
        texts.clear();
        ctx.log.append(String.format(Locale.ROOT, "bare jSMPP client: %s%n", bare));
        Stats bareSend = new Stats();
        bareSend.add(bare.perSecond());
        Stats bareReceipts = new Stats();
        bareReceipts.add(bare.receiptMillis());
        ctx.table.add(new Row("notice to every subscriber (" + thousands(audience) + "): queued in the outbox",
                Unit.PER_S, enqueue, insertSelect, "—", "—", "—", String.format(Locale.ROOT, "rows per second from"
                        + " the approval until every recipient has its outbox row (%,d rows in %,.0f s: rendered text,"
                        + " quiet hours, opt-outs checked; sending goes on meanwhile) vs one INSERT ... SELECT of the"
                        + " %,d rows with the text concatenated in SQL into a table with the outbox's unique key",
                        cancelled >= 0 ? enqueuedRows : rows, enqueued / 1e9, audience)));
        ctx.table.add(new Row("notice: " + thousands(accepted) + " texts sent through the SMSC simulator", Unit.PER_S,
                send, bareSend, "≥ 0.5x", verdict(bare.perSecond() > 0 && send.median() / bare.perSecond() >= 0.5),
                ResultTable.mb(peak) + " (in-process, simulator included)", String.format(Locale.ROOT,
                        "texts per second from the approval until nothing is queued or sending (urgent, SMPP window"
                        + " %d, no rate limit) vs a bare jSMPP client submitting the same texts with the same window"
                        + " (%,d accepted in %,d ms); both after %,d texts of the bare client warmed the simulator and"
                        + " jSMPP; ratio = throughput, higher is better", window, bare.accepted(), bare.submitMillis(),
                        WARM_UP_TEXTS)));
        ctx.table.add(new Row("notice: every receipt back and matched", Unit.MS, receipts, bareReceipts,
                "all accounted for", verdict(accounted), "—", accounting + String.format(Locale.ROOT, "; the bare"
                        + " client got %,d receipts (%,d undeliverable)", bare.receipts(), bare.undeliverable())));
        assertThat(accounted).as(accounting).isTrue();
        messagePages(id, event, rows);
    }

    /**
     * The finished notice's messages: a page from the middle as {@code GET /api/notices/{id}/messages} gives it (the
     * page and the total), beside the same page and count in hand-written SQL; then its delivery report (XLSX),
     * timed alone. Until migration V108 both read and sorted every message of the notice first.
     */
    private void messagePages(long id, String event, long rows) throws Exception {
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

    /**
     * The simulator and jSMPP compiled before anything is timed: the bare client runs after the notice, on a simulator
     * and a jSMPP the notice has warmed, so the notice is given the same ({@value #WARM_UP_TEXTS} texts of the bare
     * client to numbers of no subscriber, every receipt awaited, then the simulator's counts reset). The
     * application's own code is still timed from its first notice, as in production.
     */
    private static void warmUp(SmscSimulator smsc, int window) throws Exception {
        List<BareSmppClient.Text> texts = new ArrayList<>(WARM_UP_TEXTS);
        for (int k = 0; k < WARM_UP_TEXTS; k++) {
            texts.add(new BareSmppClient.Text(String.format(Locale.ROOT, "1999%07d", k),
                    SmsText.of("Warm-up text " + k).payloads(k & 0xff), false));
        }
        BareSmppClient.Result r = BareSmppClient.run(smsc.port(), SMSC_USER, SMSC_PASSWORD, "611", texts, window,
                TimeUnit.MINUTES.toMillis(5));
        if (r.receipts() < r.accepted()) {
            // a receipt left behind would be offered to the application for minutes, costing it time
            throw new IllegalStateException("The warm-up did not get all its receipts: " + r);
        }
        smsc.resetCounts();
    }

    /** Whether a message of the event has one of these statuses (one probe of the index on event_key, status...). */
    private static boolean any(JdbcTemplate jdbc, String event, String statuses) {
        return !jdbc.queryForList("select 1 from outbox_message where event_key = ? and status in (" + statuses
                + ") fetch first 1 rows only", Integer.class, event).isEmpty();
    }

    private static Map<String, Long> statusCounts(JdbcTemplate jdbc, String event) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("select status, count(*) from outbox_message where event_key = ? group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, event);
        return counts;
    }

    /** One INSERT ... SELECT of the notice's rows, the text rendered in SQL, into a table with the outbox's key. */
    private long outboxBaseline(JdbcTemplate jdbc) {
        jdbc.execute("drop table if exists bench_outbox");
        jdbc.execute("create table bench_outbox (id bigint generated by default as identity primary key,"
                + " event_key varchar(100) not null, recipient_key varchar(100) not null, channel varchar(8) not null,"
                + " subscriber_id bigint, address varchar(320), body varchar(2000) not null, status varchar(16) not null,"
                + " queued_at timestamp(6) with time zone not null,"
                + " constraint bench_outbox_uk unique (event_key, recipient_key, channel))");
        try {
            return jdbc.update("insert into bench_outbox (event_key, recipient_key, channel, subscriber_id, address,"
                    + " body, status, queued_at) select 'NOTICE:bench', cast(i.subscriber_id as varchar), 'SMS',"
                    + " i.subscriber_id, s.msisdn, 'Hi ' || i.name || ': your Sidekick data service was interrupted"
                    + " and ' || case i.status when 'LOST' then 'we could not recover the data we kept for you'"
                    + " when 'DEVICE_ONLY' then 'the only copy of your data is on your phone' else 'we are still"
                    + " checking your data' end || '. Updates: http://localhost:8080/advisory', 'QUEUED',"
                    + " current_timestamp from impact i join subscriber s on s.id = i.subscriber_id"
                    + " where i.incident_id = ?", ctx.incident);
        } finally {
            jdbc.execute("drop table bench_outbox");
        }
    }

    /**
     * E-mail through the demo relay (GreenMail in the application): a notice by e-mail to the subscribers of one
     * store who gave an address, beside a bare JavaMail client sending the same messages (text and HTML part)
     * to the same server one after the other, as the dispatcher does.
     */
    private void noticeEmail() throws Exception {
        NoticeService notices = ctx.bean(NoticeService.class);
        JdbcTemplate jdbc = ctx.bean(JdbcTemplate.class);
        GreenMail relay = ctx.bean(GreenMail.class);
        // the subscribers of one store (about 3,300 at a million, 40 % with an address)
        ImpactFilter filter = new ImpactFilter(null, null, null, null, TILL_STORE, null, null);
        long id = SystemActor.call(() -> notices.create(new NewNotice(ctx.incident, "Benchmark e-mail "
                + System.nanoTime(), filter, List.of("EMAIL"), false, null, "Your Sidekick data",
                "Dear {name},\n\n{statusText}.\n\nUpdates: {advisoryUrl}", true))).id();
        SystemActor.run(() -> notices.submit(id));
        String event = "NOTICE:" + id;
        relay.purgeEmailFromAllMailboxes();
        long t0 = System.nanoTime();
        asApprover(() -> notices.approve(id));
        waitUpTo(Duration.ofMinutes(60), Duration.ofMillis(200), "the e-mail notice is all queued and nothing of it"
                + " is queued or sending").until(() -> Boolean.TRUE.equals(jdbc.queryForObject("select enqueued_at is"
                        + " not null from customer_notice where id = ?", Boolean.class, id))
                        && !any(jdbc, event, "'QUEUED', 'SENDING'"));
        long took = System.nanoTime() - t0;
        Map<String, Long> counts = statusCounts(jdbc, event);
        long sent = counts.getOrDefault("SENT", 0L) + counts.getOrDefault("DELIVERED", 0L);
        long received = relay.getReceivedMessages().length;
        relay.purgeEmailFromAllMailboxes();
        List<String[]> mails = new ArrayList<>();
        jdbc.query("select address, subject, body from outbox_message where event_key = ? and status in ('SENT',"
                + " 'DELIVERED') order by id", rs -> {
                    mails.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }, event);
        JavaMailSenderImpl bare =
                new JavaMailSenderImpl();
        bare.setHost("127.0.0.1");
        bare.setPort(relay.getSmtp().getPort());
        bare.setDefaultEncoding("UTF-8");
        long b0 = System.nanoTime();
        for (String[] m : mails) {
            MimeMessage message = bare.createMimeMessage();
            MimeMessageHelper h =
                    new MimeMessageHelper(message, true, "UTF-8");
            h.setFrom("notices@outagedesk.example");
            h.setTo(m[0]);
            h.setSubject(m[1]);
            h.setText(m[2], "<p>" + HtmlUtils.htmlEscape(m[2]) + "</p>");
            bare.send(message);
        }
        double bareSeconds = (System.nanoTime() - b0) / 1e9;
        long bareReceived = relay.getReceivedMessages().length;
        relay.purgeEmailFromAllMailboxes();
        Stats app = new Stats();
        app.add(sent / (took / 1e9));
        Stats baseline = new Stats();
        baseline.add(mails.size() / bareSeconds);
        ctx.log.append(String.format(Locale.ROOT, "e-mail notice: %s; the relay received %,d; bare JavaMail: %,d in"
                + " %.1f s, the relay received %,d%n", counts, received, mails.size(), bareSeconds, bareReceived));
        ctx.table.add(new Row("notice by e-mail: " + thousands(sent) + " e-mails (the subscribers of " + TILL_STORE
                + ") through the demo relay", Unit.PER_S, app, baseline, "—", received == sent ? "all received"
                : "**" + received + " received**", "—", "e-mails per second from the approval until nothing is"
                        + " queued or sending (rendered text and HTML parts, List-Unsubscribe) vs a bare JavaMail"
                        + " client sending the same messages with a text and an HTML part to the same GreenMail, one"
                        + " after the other as the dispatcher does"));
    }

    private static void asApprover(Runnable work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bench-approver", null, List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.INCIDENT_MANAGER))));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
