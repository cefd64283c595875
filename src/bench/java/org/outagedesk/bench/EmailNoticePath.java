package org.outagedesk.bench;

import static org.outagedesk.Waits.waitUpTo;
import static org.outagedesk.bench.BenchContext.TILL_STORE;
import static org.outagedesk.bench.BenchContext.thousands;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outagedesk.base.SystemActor;
import org.outagedesk.bench.ResultTable.Row;
import org.outagedesk.bench.ResultTable.Unit;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.notices.NewNotice;
import org.outagedesk.notices.NoticeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/** The notices path's e-mail notice (issue 13), in this JVM, beside a bare JavaMail client. */
final class EmailNoticePath {

    private final BenchContext ctx;

    EmailNoticePath(BenchContext ctx) {
        this.ctx = ctx;
    }

    /**
     * E-mail through the demo relay (GreenMail in the application): a notice by e-mail to the subscribers of one
     * store who gave an address, beside a bare JavaMail client sending the same messages (text and HTML part)
     * to the same server one after the other, as the dispatcher does.
     */
    void run() throws Exception {
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
        NoticePaths.asApprover(() -> notices.approve(id));
        waitUpTo(Duration.ofMinutes(60), Duration.ofMillis(200), "the e-mail notice is all queued and nothing of it"
                + " is queued or sending").until(() -> Boolean.TRUE.equals(jdbc.queryForObject("select enqueued_at is"
                        + " not null from customer_notice where id = ?", Boolean.class, id))
                        && !NoticePaths.any(jdbc, event, "'QUEUED', 'SENDING'"));
        long took = System.nanoTime() - t0;
        Map<String, Long> counts = NoticePaths.statusCounts(jdbc, event);
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
}
