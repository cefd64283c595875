package org.outagedesk.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.notices.NoticeTestSupport.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.Api;
import org.outagedesk.IntegrationTest;
import org.outagedesk.RowLock;
import org.outagedesk.TestClock;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.JobLeases;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.outbox.OutboxService;
import org.outagedesk.outbox.SmppProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Queueing an approved notice into the outbox: every rule of a message (opt-outs, missing addresses, the SMS-else-
 * e-mail fallback, quiet hours, rendered placeholders) in the rows written, and a restart from an older cursor (a
 * batch done twice) adds nothing and fails nothing.
 */
@IntegrationTest
class NoticeQueueingTest {

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    ImpactService impacts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    NoticeRunner runner;
    @Autowired
    NoticeService notices;
    @Autowired
    CustomerNoticeRepository noticeRows;
    @Autowired
    OutboxService outbox;
    @Autowired
    SmppProperties smpp;
    @Autowired
    AuditService audit;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CatalogService catalog;
    @Autowired
    JobLeases leases;

    @AfterEach
    void putBack() {
        clock.reset();
    }

    @Test
    void queueing_keeps_every_rule_and_queueing_again_from_an_older_cursor_adds_nothing() {
        long incident = NoticeTestSupport.newIncident(incidents);
        List<String> numbers = NoticeTestSupport.subscribers(impacts, incident, 4);
        String plain = numbers.get(0);
        String optedOutWithEmail = numbers.get(1);
        String optedOutWithout = numbers.get(2);
        String withEmail = numbers.get(3);
        NoticeTestSupport.email(jdbc, optedOutWithEmail, "fallback-" + optedOutWithEmail.substring(1) + "@example.com");
        NoticeTestSupport.email(jdbc, withEmail, "has-" + withEmail.substring(1) + "@example.com");
        for (String n : List.of(optedOutWithEmail, optedOutWithout)) {
            jdbc.update("insert into sms_opt_out (msisdn, opted_out_at, source, recorded_by) values (?, ?, 'TEST',"
                    + " 'test')", n, OffsetDateTime.parse("2009-10-14T00:00:00Z"));
        }
        // 23:30 in New York (the subscribers' store): texts wait until 08:00 there (12:00 UTC)
        Instant now = Instant.parse("2026-07-10T03:30:00Z");
        clock.setFixed(now);
        String body = "{\"incidentId\":" + incident + ",\"name\":\"Queueing test\",\"filter\":{\"status\":[\"LOST\"]},"
                + "\"channels\":[\"SMS\",\"EMAIL\"],\"fallback\":true,"
                + "\"sms\":\"Hi {name}: {statusText}. {credit} {advisoryUrl} {categories}\","
                + "\"emailSubject\":\"About your {categories}\",\"emailBody\":\"Dear {name}\",\"urgent\":false}";
        Api.Response created = Api.as(port, "manager").post("/api/notices", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(Api.as(port, "manager").post("/api/notices/" + id + "/submit", null).status()).isEqualTo(200);
        assertThat(Api.as(port, "manager2").post("/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        await(Duration.ofSeconds(30), "the notice is queued", () -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select enqueued_at is not null from customer_notice where id = ?", Boolean.class, id)));

        List<String> rows = rows(id);
        String tail = plain.substring(plain.length() - 6);
        assertThat(rows).containsExactlyInAnyOrder(
                plain + " SMS " + plain + " null 2026-07-10T12:00:00Z Hi Notice Person " + tail + ": we could not"
                        + " recover the data we kept for you. $0.00 http://localhost:8080/advisory contacts, photos",
                optedOutWithEmail + " EMAIL fallback-" + optedOutWithEmail.substring(1) + "@example.com null "
                        + now + " About your contacts, photos|Dear Notice Person "
                        + optedOutWithEmail.substring(optedOutWithEmail.length() - 6),
                optedOutWithout + " SMS " + optedOutWithout + " opted out, no e-mail address 2026-07-10T12:00:00Z"
                        + " Hi Notice Person " + optedOutWithout.substring(optedOutWithout.length() - 6)
                        + ": we could not recover the data we kept for you. $0.00 http://localhost:8080/advisory"
                        + " contacts, photos",
                withEmail + " SMS " + withEmail + " null 2026-07-10T12:00:00Z Hi Notice Person "
                        + withEmail.substring(withEmail.length() - 6) + ": we could not recover the data we kept for"
                        + " you. $0.00 http://localhost:8080/advisory contacts, photos");
        List<Long> ids = jdbc.queryForList("select id from outbox_message where event_key = ? order by id",
                Long.class, "NOTICE:" + id);

        // a restart that finds the cursor before batches already done (a crash between two commits, a second
        // node): the batches are done again, and add nothing
        jdbc.update("update customer_notice set enqueue_cursor = null, enqueued_at = null where id = ?", id);
        SystemActor.run(() -> runner.enqueueAll(id));
        assertThat(jdbc.queryForList("select id from outbox_message where event_key = ? order by id", Long.class,
                "NOTICE:" + id)).isEqualTo(ids);
        assertThat(rows(id)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("select enqueued_at is not null from customer_notice where id = ?",
                Boolean.class, id)).isTrue();
        SystemActor.run(() -> notices.cancel(id));
    }

    @Test
    void a_notice_another_node_is_queueing_is_left_to_it_until_its_lease_lapses() {
        long incident = NoticeTestSupport.newIncident(incidents);
        NoticeTestSupport.subscribers(impacts, incident, 3);
        Instant now = Instant.parse("2026-07-10T03:30:00Z");
        clock.setFixed(now); // quiet hours in New York: the texts stay queued; the leases go by this clock too
        long id = approvedAndQueued(incident, 3);

        // as another node leaves it while queueing: nothing queued yet, its lease still good
        jdbc.update("delete from outbox_message where event_key = ?", "NOTICE:" + id);
        jdbc.update("update customer_notice set enqueue_cursor = null, enqueued_at = null, job_owner = 'node-elsewhere',"
                + " job_lease_until = ? where id = ?", Timestamp.from(now.plusSeconds(3600)), id);
        SystemActor.run(() -> runner.enqueueAll(id)); // as a resume on this node would
        runner.takeOver(); // as this node's watcher does
        assertThat(queued(id)).as("held by the other node").isZero();

        jdbc.update("update customer_notice set job_lease_until = ? where id = ?", Timestamp.from(now.minusSeconds(1)),
                id);
        runner.takeOver();
        await(Duration.ofSeconds(30), "this node queues it", () -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select enqueued_at is not null from customer_notice where id = ?", Boolean.class, id)));
        assertThat(queued(id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select job_owner from customer_notice where id = ?", String.class, id))
                .as("released when queued").isNull();
        SystemActor.run(() -> notices.cancel(id));
    }

    @Test
    void a_stop_ends_the_queueing_after_its_batch_gives_up_the_lease_and_the_next_start_goes_on() throws Exception {
        long incident = NoticeTestSupport.newIncident(incidents);
        NoticeTestSupport.subscribers(impacts, incident, 3);
        Instant now = Instant.parse("2026-07-10T03:30:00Z");
        clock.setFixed(now); // quiet hours in New York: the texts stay queued
        long id = approvedAndQueued(incident, 3);
        // as it was before the queueing began
        jdbc.update("delete from outbox_message where event_key = ?", "NOTICE:" + id);
        jdbc.update("update customer_notice set enqueue_cursor = null, enqueued_at = null, job_owner = null,"
                + " job_lease_until = null where id = ?", id);

        // a runner of this node's own with batches of one subscriber, stopped as the application stops it
        NoticeRunner stopped = new NoticeRunner(noticeRows, impacts, outbox, new NoticeProperties(null, null, null,
                null, 1), smpp, audit, events, clock, transactions, catalog, leases);
        // the notice's row locked: the first batch waits for its lease until the stop has begun
        Thread stopping;
        try (RowLock lock = RowLock.of(transactions, jdbc, "customer_notice", id)) {
            stopped.start(id);
            stopping = Thread.ofPlatform().start(stopped::stop);
            await(Duration.ofSeconds(10), "the stop waits for the queueing",
                    () -> stopping.getState() == Thread.State.TIMED_WAITING);
        }
        stopping.join(30_000);
        assertThat(stopping.isAlive()).isFalse();

        assertThat(queued(id)).as("the batch under way finished, no other began").isEqualTo(1);
        Map<String, Object> after = jdbc.queryForMap("select status, enqueued_at, job_owner from customer_notice"
                + " where id = ?", id);
        assertThat(after.get("STATUS")).isEqualTo("SENDING");
        assertThat(after.get("ENQUEUED_AT")).as("not queued to the end").isNull();
        assertThat(after.get("JOB_OWNER")).as("the lease is given up at once, not left to lapse").isNull();

        runner.takeOver(); // this node started again (or another node) goes on at once
        await(Duration.ofSeconds(30), "the rest is queued", () -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select enqueued_at is not null from customer_notice where id = ?", Boolean.class, id)));
        assertThat(queued(id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(distinct subscriber_id) from outbox_message where event_key = ?",
                Long.class, "NOTICE:" + id)).isEqualTo(3);
        SystemActor.run(() -> notices.cancel(id));
    }

    /** A notice texting every subscriber of the incident, submitted, approved and queued (waits for it). */
    private long approvedAndQueued(long incident, int subscribers) {
        Api.Response created = Api.as(port, "manager").post("/api/notices", "{\"incidentId\":" + incident
                + ",\"name\":\"Queueing test\",\"filter\":{},\"channels\":[\"SMS\"],\"fallback\":false,"
                + "\"sms\":\"Hi {name}\",\"urgent\":false}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(Api.as(port, "manager").post("/api/notices/" + id + "/submit", null).status()).isEqualTo(200);
        assertThat(Api.as(port, "manager2").post("/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        await(Duration.ofSeconds(30), "the notice is queued", () -> queued(id) == subscribers && Boolean.TRUE.equals(
                jdbc.queryForObject("select enqueued_at is not null and job_owner is null from customer_notice"
                        + " where id = ?", Boolean.class, id)));
        return id;
    }

    private long queued(long noticeId) {
        return jdbc.queryForObject("select count(*) from outbox_message where event_key = ?", Long.class,
                "NOTICE:" + noticeId);
    }

    /** "msisdn channel address skip-reason not-before subject|body" per message, in id order. */
    private List<String> rows(long noticeId) {
        return jdbc.query("select s.msisdn, m.channel, m.address, m.skip_reason, m.not_before, m.subject, m.body"
                + " from outbox_message m join subscriber s on s.id = m.subscriber_id where m.event_key = ?"
                + " order by m.id", (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " " + rs.getObject(5, OffsetDateTime.class).toInstant() + " "
                        + (rs.getString(6) == null ? "" : rs.getString(6) + "|") + rs.getString(7),
                "NOTICE:" + noticeId);
    }
}
