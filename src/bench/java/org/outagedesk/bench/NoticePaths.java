package org.outagedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.Waits.waitUpTo;
import static org.outagedesk.bench.BenchContext.thousands;
import static org.outagedesk.bench.BenchContext.verdict;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.SystemActor;
import org.outagedesk.bench.ResultTable.Row;
import org.outagedesk.bench.ResultTable.Unit;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.notices.NewNotice;
import org.outagedesk.notices.NoticeService;
import org.outagedesk.outbox.SmppProperties;
import org.outagedesk.outbox.SmsText;
import org.outagedesk.outbox.SmscSimulator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The notices path (issue 13), in this JVM: a customer notice to every subscriber of the incident through the outbox
 * and the benchmark's SMSC simulator, and an e-mail notice through the demo relay. The same notice killed halfway
 * is {@link KilledNoticePath}; what is read of it afterwards {@link NoticeReadPaths}; the e-mail notice
 * {@link EmailNoticePath}.
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
        new EmailNoticePath(ctx).run();
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
        new NoticeReadPaths(ctx).finishedNotice(id, event, rows);
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
    static boolean any(JdbcTemplate jdbc, String event, String statuses) {
        return !jdbc.queryForList("select 1 from outbox_message where event_key = ? and status in (" + statuses
                + ") fetch first 1 rows only", Integer.class, event).isEmpty();
    }

    static Map<String, Long> statusCounts(JdbcTemplate jdbc, String event) {
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

    static void asApprover(Runnable work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bench-approver", null, List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.INCIDENT_MANAGER))));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
