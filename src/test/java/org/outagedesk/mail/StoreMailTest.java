package org.outagedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outagedesk.notices.NoticeTestSupport.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestClock;
import org.outagedesk.TestDatabase;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.RegionDetails;
import org.outagedesk.catalog.StoreDetails;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.NewHold;
import org.outagedesk.holds.NewSale;
import org.outagedesk.holds.SalesService;
import org.outagedesk.holds.SalesChannel;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.Severity;
import org.outagedesk.incident.TimelineEntryDraft;
import org.outagedesk.incident.TimelineEntryType;
import org.outagedesk.incident.TimelineService;
import org.outagedesk.incident.UpdateOverdue;
import org.outagedesk.incident.Visibility;
import org.outagedesk.notices.NoticeTestSupport;
import org.outagedesk.outbox.OutboxService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store and team e-mails of issue 14, received on the demo's GreenMail server, with the clock moved by hand. */
@IntegrationTest
class StoreMailTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 10_000));

    @Autowired
    GreenMail mail;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CatalogService catalog;
    @Autowired
    HoldService holds;
    @Autowired
    SalesService sales;
    @Autowired
    IncidentService incidents;
    @Autowired
    TimelineService timeline;
    @Autowired
    AcknowledgementChaser chaser;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    OutboxService outbox;

    long incident;
    String tag;
    String region;
    String storeA;
    String storeB;
    String storeC;

    @BeforeEach
    void setUp() {
        incident = NoticeTestSupport.newIncident(incidents);
        tag = "m" + NEXT.incrementAndGet() + UUID.randomUUID().toString().substring(0, 4);
        region = "Mail Region " + tag;
        storeA = ("MA-" + tag).toUpperCase();
        storeB = ("MB-" + tag).toUpperCase();
        storeC = ("MC-" + tag).toUpperCase();
        SystemActor.run(() -> {
            catalog.saveRegion(new RegionDetails(region, "America/New_York", "Rita Region",
                    "contact-" + tag + "@region.example.com"));
            catalog.addStore(new StoreDetails(storeA, "Alpha Phones " + tag, region, "New York", "DEALER",
                    "a-" + tag + "@stores.example.com", "America/New_York"));
            catalog.addStore(new StoreDetails(storeB, "Beta Mobile " + tag, region, "Chicago", "DEALER",
                    "b-" + tag + "@stores.example.com", "America/Chicago"));
            catalog.addStore(new StoreDetails(storeC, "Gamma Cell " + tag, region, "Denver", "DEALER", null,
                    "America/Denver"));
        });
    }

    @AfterEach
    void putBack() {
        clock.reset();
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static String text(MimeMessage m) {
        return GreenMailUtil.getWholeMessage(m).replace("=\r\n", "").replace("=\n", "");
    }

    int rows(String eventKey, String recipient) {
        Integer n = jdbc.queryForObject("select count(*) from outbox_message where event_key = ? and recipient_key = ?",
                Integer.class, eventKey, recipient);
        return n == null ? 0 : n;
    }

    HoldSummary place(Instant from, int deadlineHours) {
        return SystemActor.call(() -> holds.place(new NewHold(incident, List.of("SK-LX09-CARBLA", "SK-LX09-LIL"),
                null, List.of(SalesChannel.DEALER), null, List.of(storeA, storeB, storeC), from, null, deadlineHours,
                "Mail test " + tag)));
    }

    @Test
    void placing_and_lifting_a_hold_emails_each_store_once_with_its_zone_and_the_retail_instruction() throws Exception {
        SystemActor.run(() -> {
            timeline.add(incident, new TimelineEntryDraft(TimelineEntryType.RETAIL_INSTRUCTION,
                    Instant.parse("2009-10-05T16:00:00Z"), Visibility.INTERNAL, false, "Old instruction " + tag));
            timeline.add(incident, new TimelineEntryDraft(TimelineEntryType.RETAIL_INSTRUCTION,
                    Instant.parse("2009-10-05T18:00:00Z"), Visibility.INTERNAL, false,
                    "Take Sidekicks off the shelf " + tag));
            timeline.add(incident, new TimelineEntryDraft(TimelineEntryType.NOTE,
                    Instant.parse("2009-10-05T19:00:00Z"), Visibility.INTERNAL, false, "Secret vendor talk " + tag));
        });
        HoldSummary hold = place(Instant.parse("2009-10-05T18:00:00Z"), 24);
        String a = "a-" + tag + "@stores.example.com";
        String b = "b-" + tag + "@stores.example.com";
        await(Duration.ofSeconds(30), "both stores got the hold e-mail",
                () -> mailTo(a).size() == 1 && mailTo(b).size() == 1);

        String toA = text(mailTo(a).get(0));
        assertThat(mailTo(a).get(0).getSubject()).startsWith("Stop-sale: do not sell");
        assertThat(toA).contains("text/plain").contains("text/html")
                .contains("(SK-LX09-CARBLA)").contains("(SK-LX09-LIL)")
                .contains("Third-party retailers")
                .contains("Mon Oct 5, 2009 2:00 PM EDT (America/New_York)")
                .contains("Take Sidekicks off the shelf " + tag)
                .contains("/my-store")
                .doesNotContain("Old instruction").doesNotContain("Secret vendor talk").doesNotContain("DEALER");
        assertThat(text(mailTo(b).get(0))).contains("Mon Oct 5, 2009 1:00 PM CDT (America/Chicago)");
        // the store without an address is on record, skipped with the reason
        Map<String, Object> c = jdbc.queryForMap("select status, skip_reason, kind from outbox_message"
                + " where event_key = ? and recipient_key = ?", "hold-placed:" + hold.id(), "store:" + storeC);
        assertThat(c.get("STATUS")).isEqualTo("SKIPPED");
        assertThat(c.get("SKIP_REASON")).isEqualTo("The store has no e-mail address");
        assertThat(c.get("KIND")).isEqualTo("HOLD_CHANGED");

        SystemActor.run(() -> holds.lift(hold.id(), "Mail test over"));
        await(Duration.ofSeconds(30), "both stores got the lift e-mail",
                () -> mailTo(a).size() == 2 && mailTo(b).size() == 2);
        assertThat(mailTo(a).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Stop-sale lifted");
            } catch (Exception e) {
                return false;
            }
        }).count()).isEqualTo(1);
        assertThat(rows("hold-lifted:" + hold.id(), "store:" + storeA)).isEqualTo(1);
    }

    @Test
    void stores_that_did_not_acknowledge_are_reminded_then_their_region_contact_gets_one_escalation() {
        Instant placed = Instant.parse("2030-03-01T12:00:00Z");
        clock.setFixed(placed);
        HoldSummary hold = place(placed, 3);
        jdbc.update("insert into hold_acknowledgement (id, hold_id, store_code, acknowledged_at, acknowledged_by)"
                + " values (" + TestDatabase.nextValue("hold_acknowledgement_seq") + ", ?, ?, ?, 'test')", hold.id(),
                storeA, OffsetDateTime.parse("2030-03-01T12:10:00Z"));
        String twoHours = "ack-reminder:" + hold.id() + ":120";
        String atDeadline = "ack-reminder:" + hold.id() + ":0";

        clock.setFixed(placed.plus(Duration.ofMinutes(59)));
        chaser.check();
        assertThat(rows(twoHours, "store:" + storeB)).isZero();

        clock.setFixed(placed.plus(Duration.ofHours(1)).plusSeconds(30));
        chaser.check();
        chaser.check();
        assertThat(rows(twoHours, "store:" + storeB)).isEqualTo(1);
        assertThat(rows(twoHours, "store:" + storeC)).isEqualTo(1); // skipped: no address, but on record
        assertThat(rows(twoHours, "store:" + storeA)).as("acknowledged stores get nothing").isZero();
        assertThat(rows("escalation:" + hold.id(), "region:" + region)).isZero();

        clock.setFixed(placed.plus(Duration.ofHours(3)));
        chaser.check();
        assertThat(rows(atDeadline, "store:" + storeB)).isEqualTo(1);
        assertThat(rows(atDeadline, "store:" + storeA)).isZero();
        // the messages of another incident do not include this hold's reminders (the incident filter of
        // GET /api/messages once matched every hold's reminders, whatever its incident)
        long other = NoticeTestSupport.newIncident(incidents);
        assertThat(SystemActor.call(() -> outbox.search(incident, "ACK_REMINDER", null, null, 0, 1).total()))
                .isPositive();
        assertThat(SystemActor.call(() -> outbox.search(other, "ACK_REMINDER", null, null, 0, 1).total())).isZero();

        clock.setFixed(placed.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(1)));
        chaser.check();
        chaser.check();
        assertThat(rows("escalation:" + hold.id(), "region:" + region)).isEqualTo(1);
        String body = jdbc.queryForObject("select body from outbox_message where event_key = ? and recipient_key = ?",
                String.class, "escalation:" + hold.id(), "region:" + region);
        assertThat(body).contains("2 stores of " + region).contains(storeB).contains(storeC)
                .doesNotContain(storeA).contains("EST (America/New_York)");
        String address = jdbc.queryForObject("select address from outbox_message where event_key = ?"
                + " and recipient_key = ?", String.class, "escalation:" + hold.id(), "region:" + region);
        assertThat(address).isEqualTo("contact-" + tag + "@region.example.com");
        await(Duration.ofSeconds(30), "the escalation reached the region's contact",
                () -> !mailTo("contact-" + tag + "@region.example.com").isEmpty());
    }

    @Test
    void a_sale_during_a_hold_emails_the_store_and_the_region_contact_at_once() {
        HoldSummary hold = place(Instant.parse("2009-10-05T18:00:00Z"), 24);
        SystemActor.run(() -> sales.recordSale(new NewSale(storeB, "SK-LX09-LIL", 2,
                Instant.parse("2009-10-06T19:00:00Z"))));
        Long violation = jdbc.queryForObject("select id from sale_violation where hold_id = ?", Long.class, hold.id());
        String key = "violation:" + violation;
        assertThat(rows(key, "store:" + storeB)).isEqualTo(1);
        assertThat(rows(key, "region:" + region)).isEqualTo(1);
        String toStore = jdbc.queryForObject("select body from outbox_message where event_key = ? and"
                + " recipient_key = ?", String.class, key, "store:" + storeB);
        assertThat(toStore).contains("2 x").contains("(SK-LX09-LIL)")
                .contains("Tue Oct 6, 2009 2:00 PM CDT (America/Chicago)");
        String toRegion = jdbc.queryForObject("select body from outbox_message where event_key = ? and"
                + " recipient_key = ?", String.class, key, "region:" + region);
        assertThat(toRegion).contains("Tue Oct 6, 2009 3:00 PM EDT (America/New_York)");
        await(Duration.ofSeconds(30), "both got the violation e-mail",
                () -> mailTo("b-" + tag + "@stores.example.com").stream().anyMatch(StoreMailTest::isViolation)
                        && mailTo("contact-" + tag + "@region.example.com").stream()
                                .anyMatch(StoreMailTest::isViolation));
    }

    static boolean isViolation(MimeMessage m) {
        try {
            return m.getSubject().startsWith("Sale during a stop-sale");
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void an_overdue_public_update_emails_every_active_incident_manager_once_per_event_key() {
        String managerMail = "manager-" + tag + "@team.example.com";
        jdbc.update("update app_user set email = ? where username = 'manager'", managerMail);
        try {
            Instant due = Instant.parse("2030-01-01T10:00:00Z");
            UpdateOverdue first = new UpdateOverdue(incident, "Mail test incident", Severity.SEV1,
                    due.minus(Duration.ofHours(1)), due, Duration.ofHours(1), 0, due.plus(Duration.ofMinutes(20)));
            events.publishEvent(first);
            events.publishEvent(first);
            assertThat(rows(first.eventKey(), "user:manager")).isEqualTo(1);
            assertThat(rows(first.eventKey(), "user:manager2")).isEqualTo(1);
            Map<String, Object> m = jdbc.queryForMap("select kind, address, body from outbox_message where"
                    + " event_key = ? and recipient_key = 'user:manager'", first.eventKey());
            assertThat(m.get("KIND")).isEqualTo("UPDATE_OVERDUE");
            assertThat(m.get("ADDRESS")).isEqualTo(managerMail);
            assertThat((String) m.get("BODY")).contains("overdue by 20 minutes").contains("severity 1")
                    .contains("(America/Los_Angeles)").doesNotContain("SEV1");
            UpdateOverdue again = new UpdateOverdue(incident, "Mail test incident", Severity.SEV1,
                    due.minus(Duration.ofHours(1)), due, Duration.ofHours(1), 1, due.plus(Duration.ofMinutes(80)));
            events.publishEvent(again);
            assertThat(rows(again.eventKey(), "user:manager")).isEqualTo(1);
            await(Duration.ofSeconds(30), "the manager got both e-mails", () -> mailTo(managerMail).stream()
                    .filter(x -> {
                        try {
                            return x.getSubject().equals("Public update overdue: Mail test incident");
                        } catch (Exception e) {
                            return false;
                        }
                    }).count() == 2);
        } finally {
            jdbc.update("update app_user set email = null where username = 'manager'");
        }
    }

    @Test
    void incident_managers_get_the_escalation_for_information_unless_they_switched_those_emails_off() {
        String on = "on-" + tag + "@team.example.com";
        String off = "off-" + tag + "@team.example.com";
        jdbc.update("update app_user set email = ?, info_emails = true where username = 'manager'", on);
        jdbc.update("update app_user set email = ?, info_emails = false where username = 'manager2'", off);
        try {
            Instant placed = Instant.parse("2030-04-01T12:00:00Z");
            clock.setFixed(placed);
            HoldSummary hold = place(placed, 1);
            clock.setFixed(placed.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(1)));
            chaser.check();
            chaser.check();
            String key = "escalation:" + hold.id();
            Map<String, Object> toOn = jdbc.queryForMap("select status, address, body, skip_reason from outbox_message"
                    + " where event_key = ? and recipient_key = 'user:manager'", key);
            assertThat(toOn.get("ADDRESS")).isEqualTo(on);
            assertThat(toOn.get("SKIP_REASON")).isNull();
            assertThat((String) toOn.get("BODY")).contains("For information: 3 stores").contains(region)
                    .contains("contact-" + tag + "@region.example.com").contains(storeA)
                    .contains("(America/Los_Angeles)");
            Map<String, Object> toOff = jdbc.queryForMap("select status, skip_reason from outbox_message"
                    + " where event_key = ? and recipient_key = 'user:manager2'", key);
            assertThat(toOff.get("STATUS")).isEqualTo("SKIPPED");
            assertThat(toOff.get("SKIP_REASON")).isEqualTo(AcknowledgementChaser.SWITCHED_OFF);
            assertThat(rows(key, "user:manager")).isEqualTo(1);

            // the switch never touches the e-mails that need them
            Instant due = Instant.parse("2030-04-02T10:00:00Z");
            UpdateOverdue overdue = new UpdateOverdue(incident, "Switch test", Severity.SEV1,
                    due.minus(Duration.ofHours(1)), due, Duration.ofHours(1), 0, due.plus(Duration.ofMinutes(5)));
            events.publishEvent(overdue);
            Map<String, Object> needed = jdbc.queryForMap("select address, skip_reason from outbox_message"
                    + " where event_key = ? and recipient_key = 'user:manager2'", overdue.eventKey());
            assertThat(needed.get("ADDRESS")).isEqualTo(off);
            assertThat(needed.get("SKIP_REASON")).isNull();
            await(Duration.ofSeconds(30), "the manager with information on got the escalation",
                    () -> mailTo(on).stream().anyMatch(m -> text(m).contains("For information")));
        } finally {
            jdbc.update("update app_user set email = null, info_emails = true where username in ('manager',"
                    + " 'manager2')");
        }
    }
}
