package org.outagedesk.notices;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.outagedesk.TestDatabase;
import org.outagedesk.Waits;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.ImpactFilter;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.impact.ImportResult;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Own incidents and subscribers for the notice tests (numbers +17..., unique in the run). */
public final class NoticeTestSupport {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L * 100 + 3);

    private NoticeTestSupport() {
    }

    public static long newIncident(IncidentService incidents) {
        return SystemActor.call(() -> incidents.create(new NewIncident("Notices test " + UUID.randomUUID(), "test",
                Severity.SEV3, List.of("test"), "America/Los_Angeles", Instant.parse("2001-01-01T00:00:00Z"))))
                .getId();
    }

    public static String msisdn() {
        return "+17" + String.format("%09d", NEXT.incrementAndGet() % 1_000_000_000L);
    }

    /** {@code n} subscribers of a New York store in the incident, status LOST; returns their numbers. */
    public static List<String> subscribers(ImpactService impacts, long incidentId, int n) {
        List<String> numbers = new ArrayList<>();
        StringBuilder csv = new StringBuilder("msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n");
        for (int k = 0; k < n; k++) {
            String m = msisdn();
            numbers.add(m);
            String tail = m.substring(m.length() - 6);
            csv.append(m).append(",ACC-N").append(tail).append(",Notice Person ").append(tail)
                    .append(",SK-LX09-CARBLA,D-NY-UWS-01,true,LOST,CONTACTS;PHOTOS,2009-10-01T14:22:05-07:00\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        ImportResult result = SystemActor.call(() -> impacts.importCsv(incidentId, new ByteArrayInputStream(bytes),
                bytes.length, "notices-test.csv", ImportMode.ALL_OR_NOTHING));
        if (!result.applied()) {
            throw new IllegalStateException("test subscribers refused: " + result.errors());
        }
        return numbers;
    }

    public static void email(JdbcTemplate jdbc, String msisdn, String address) {
        jdbc.update("update subscriber set email = ? where msisdn = ?", address, msisdn);
    }

    /** A draft text notice of the incident to all its affected subscribers, body "Hello {name}", not urgent. */
    public static NoticeDetails smsDraft(NoticeService notices, long incident, String name) {
        return SystemActor.call(() -> notices.create(new NewNotice(incident, name, new ImpactFilter(null, null, null,
                null, null, null, null), List.of("SMS"), false, "Hello {name}", null, null, false)));
    }

    /**
     * Writes a text of notice {@code noticeId} to {@code msisdn} straight into the outbox with the given status (and
     * reason: the skip reason of a SKIPPED one, else the last error), as the dispatcher would have left it. QUEUED
     * ones are due in 2100, so no dispatcher takes them.
     */
    public static void message(JdbcTemplate jdbc, ImpactService impacts, long noticeId, String msisdn, String status,
            @Nullable String reason) {
        long subscriberId = SystemActor.call(() -> impacts.subscriberId(msisdn));
        Instant at = Instant.parse("2009-10-14T17:02:00Z");
        boolean went = !status.equals("QUEUED") && !status.equals("SKIPPED");
        Timestamp t = Timestamp.from(at);
        jdbc.update("insert into outbox_message (id, kind, event_key, recipient_key, channel, subscriber_id, address,"
                + " body, sms_parts, status, skip_reason, last_error, attempts, not_before, queued_at, sent_at,"
                + " done_at) values (" + TestDatabase.nextValue("outbox_message_seq")
                + ", 'NOTICE', ?, ?, 'SMS', ?, ?, 'Hello', 1, ?,"
                + " ?, ?, ?, ?, ?, ?, ?)", "NOTICE:" + noticeId, Long.toString(subscriberId), subscriberId, msisdn,
                status, status.equals("SKIPPED") ? reason : null, status.equals("SKIPPED") ? null : reason,
                went ? 1 : 0, status.equals("QUEUED") ? Timestamp.from(Instant.parse("2100-01-01T00:00:00Z"))
                        : t, t, went ? t : null, went && !status.equals("SENT") ? t : null);
    }

    /**
     * Writes {@code n} finished texts of notice {@code noticeId} in this status straight into the outbox, to made-up
     * numbers of no subscriber (figures in the thousands without that many subscribers), in one batch.
     */
    public static void messages(JdbcTemplate jdbc, long noticeId, String status, int n) {
        Timestamp t = Timestamp.from(Instant.parse("2009-10-14T17:02:00Z"));
        long first = NEXT.getAndAdd(n);
        List<Object[]> rows = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            rows.add(new Object[] {"NOTICE:" + noticeId, "made-up-" + (first + k), "+1555" + (first + k), status, t, t,
                    t});
        }
        jdbc.batchUpdate("insert into outbox_message (id, kind, event_key, recipient_key, channel, address, body,"
                + " sms_parts, status, attempts, not_before, queued_at, done_at) values ("
                + TestDatabase.nextValue("outbox_message_seq") + ", 'NOTICE', ?, ?, 'SMS', ?, 'Hello', 1, ?, 1, ?,"
                + " ?, ?)", rows);
    }

    /** Waits for a condition (polling), failing after {@code timeout}: no fixed sleeps. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        Waits.waitUpTo(timeout, what).until(condition::getAsBoolean);
    }
}
