package org.outagedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestClock;
import org.outagedesk.base.ApprovalRequested;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.RegionDetails;
import org.outagedesk.catalog.StoreDetails;
import org.outagedesk.holds.HoldLifted;
import org.outagedesk.holds.HoldPlaced;
import org.outagedesk.holds.HoldService;
import org.outagedesk.holds.HoldSummary;
import org.outagedesk.holds.NewHold;
import org.outagedesk.holds.SaleViolationFound;
import org.outagedesk.holds.SalesChannel;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.notices.NoticeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.config.StalenessProperties;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * The store e-mails of a hold are not lost when the mailer fails after the hold's commit (decision 0020): the event
 * publication registry keeps the publication in the hold's transaction, and the retry hands it to the mailer later,
 * which queues each e-mail once. Without the registry there is no row to retry, and no e-mail.
 */
@IntegrationTest
class DurableMailEventsTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 10_000));
    private static final Duration RETRY_AFTER = Duration.ofMinutes(5);
    private static final String ON_PLACED = "org.outagedesk.mail.HoldMails.onPlaced(org.outagedesk.holds.HoldPlaced)";

    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CatalogService catalog;
    @Autowired
    HoldService holds;
    @Autowired
    IncidentService incidents;
    @Autowired
    HoldMails holdMails;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    EventSerializer serializer;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    StalenessProperties staleness;
    @Autowired
    List<ScheduledTaskHolder> scheduled;

    long incident;
    String tag;
    String storeA;
    String storeB;

    @BeforeEach
    void setUp() {
        incident = NoticeTestSupport.newIncident(incidents);
        tag = "d" + NEXT.incrementAndGet() + UUID.randomUUID().toString().substring(0, 4);
        String region = "Durable Region " + tag;
        storeA = ("DA-" + tag).toUpperCase();
        storeB = ("DB-" + tag).toUpperCase();
        SystemActor.run(() -> {
            catalog.saveRegion(new RegionDetails(region, "America/New_York", "Rita Region",
                    "contact-" + tag + "@region.example.com"));
            catalog.addStore(new StoreDetails(storeA, "Alpha Phones " + tag, region, "New York", "DEALER",
                    "a-" + tag + "@stores.example.com", "America/New_York"));
            catalog.addStore(new StoreDetails(storeB, "Beta Mobile " + tag, region, "Chicago", "DEALER",
                    "b-" + tag + "@stores.example.com", "America/Chicago"));
        });
    }

    @AfterEach
    void putBack() {
        clock.reset();
    }

    NewHold hold() {
        return new NewHold(incident, List.of("SK-LX09-CARBLA"), null, List.of(SalesChannel.DEALER), null,
                List.of(storeA, storeB), clock.instant(), null, 4, "Durable mail test " + tag);
    }

    int queued(String eventKey) {
        Integer n = jdbc.queryForObject("select count(*) from outbox_message where event_key = ?", Integer.class,
                eventKey);
        return n == null ? 0 : n;
    }

    /** The registry's rows of the hold's mail publication (its event is the hold, serialized with its id). */
    int publications(long holdId) {
        Integer n = jdbc.queryForObject("select count(*) from event_publication where listener_id = ?"
                + " and serialized_event like ?", Integer.class, ON_PLACED, "%\"id\":" + holdId + ",%");
        return n == null ? 0 : n;
    }

    @Test
    void a_hold_placed_normally_queues_its_store_emails_and_leaves_no_publication_behind() {
        HoldSummary hold = SystemActor.call(() -> holds.place(hold()));

        assertThat(queued("hold-placed:" + hold.id())).isEqualTo(2);
        // completion mode DELETE: a publication done is gone, the table holds only what is still to do
        assertThat(publications(hold.id())).isZero();
    }

    @Test
    void store_emails_of_a_hold_are_queued_once_by_the_retry_after_the_mailer_failed() {
        // the mailer fails after the hold's commit: store B's row names a time zone this JVM does not know (as after
        // a time-zone database update that dropped it); the console never writes one, so plain SQL does
        jdbc.update("update store set time_zone = 'Nowhere/Atlantis' where code = ?", storeB);
        // placed a little longer ago than the retry waits, so that the test need not move the clock forward (the
        // shared context's other background jobs would take that for time passed)
        Instant published = clock.instant().minus(RETRY_AFTER).minusSeconds(60);
        clock.fixAt(published);
        long holdId = SystemActor.call(() -> holds.place(hold())).id();
        String eventKey = "hold-placed:" + holdId;

        assertThat(SystemActor.call(() -> holds.get(holdId)).id()).as("the hold itself committed").isEqualTo(holdId);
        assertThat(queued(eventKey)).as("no e-mail: the mailer's transaction rolled back").isZero();
        assertThat(publications(holdId)).as("the registry kept the publication").isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from event_publication where listener_id = ? and"
                + " serialized_event like ?", String.class, ON_PLACED, "%\"id\":" + holdId + ",%")).isEqualTo("FAILED");
        // the caches' after-commit steps (hold book, advisory) are not in the registry: they have nothing to redo
        assertThat(jdbc.queryForList("select event_type from event_publication where publication_date = ?",
                String.class, Timestamp.from(published))).containsOnly(HoldPlaced.class.getName());

        jdbc.update("update store set time_zone = 'America/Chicago' where code = ?", storeB);
        // too young to retry: on another node it may still be running
        incomplete.resubmitIncompletePublicationsOlderThan(RETRY_AFTER);
        assertThat(queued(eventKey)).isZero();

        clock.reset();
        incomplete.resubmitIncompletePublicationsOlderThan(RETRY_AFTER);

        assertThat(jdbc.queryForList("select recipient_key from outbox_message where event_key = ?", String.class,
                eventKey)).containsExactlyInAnyOrder("store:" + storeA, "store:" + storeB);
        assertThat(publications(holdId)).as("done, so deleted").isZero();

        // a second retry finds nothing; and the mailer run once more (a slow run overtaken by a retry on another
        // node) adds nothing: the outbox's key is the event, the recipient and the channel
        incomplete.resubmitIncompletePublicationsOlderThan(RETRY_AFTER);
        holdMails.onPlaced(new HoldPlaced(SystemActor.call(() -> holds.get(holdId))));
        assertThat(queued(eventKey)).isEqualTo(2);
    }

    @Test
    void a_retry_after_the_hold_was_lifted_sends_no_stop_sale_but_the_lift_went_out() {
        jdbc.update("update store set time_zone = 'Nowhere/Atlantis' where code = ?", storeB);
        clock.fixAt(clock.instant().minus(RETRY_AFTER).minusSeconds(60));
        long holdId = SystemActor.call(() -> holds.place(hold())).id();
        assertThat(publications(holdId)).isEqualTo(1);
        jdbc.update("update store set time_zone = 'America/Chicago' where code = ?", storeB);
        clock.reset();
        SystemActor.run(() -> holds.lift(holdId, "Fixed " + tag));
        assertThat(queued("hold-lifted:" + holdId)).isEqualTo(2);

        incomplete.resubmitIncompletePublicationsOlderThan(RETRY_AFTER);

        assertThat(queued("hold-placed:" + holdId)).as("no stop-sale after its lift").isZero();
        assertThat(publications(holdId)).as("done, nothing left to do").isZero();
    }

    @Test
    void a_retry_cut_off_by_a_crash_is_taken_again_once_the_monitor_calls_it_stale() {
        jdbc.update("update store set time_zone = 'Nowhere/Atlantis' where code = ?", storeB);
        clock.fixAt(clock.instant().minus(Duration.ofHours(2)));
        long holdId = SystemActor.call(() -> holds.place(hold())).id();
        jdbc.update("update store set time_zone = 'America/Chicago' where code = ?", storeB);
        clock.reset();
        // a node took it for a retry and died: the row says RESUBMITTED, which the retries do not take
        jdbc.update("update event_publication set status = 'RESUBMITTED' where listener_id = ?"
                + " and serialized_event like ?", ON_PLACED, "%\"id\":" + holdId + ",%");
        incomplete.resubmitIncompletePublicationsOlderThan(RETRY_AFTER);
        assertThat(queued("hold-placed:" + holdId)).isZero();

        // what Modulith's monitor does every minute (scheduled: the application schedules with @EnableScheduling)
        assertThat(scheduled.stream().flatMap(h -> h.getScheduledTasks().stream()))
                .anySatisfy(t -> assertThat(t.getTask().getRunnable().toString()).contains("StalenessMonitor"));
        registry.markStalePublicationsFailed(staleness);
        incomplete.resubmitIncompletePublicationsOlderThan(RETRY_AFTER);

        assertThat(queued("hold-placed:" + holdId)).isEqualTo(2);
        assertThat(publications(holdId)).isZero();
    }

    @Test
    void the_mail_events_read_back_from_the_registry_equal_the_ones_published() {
        HoldSummary hold = SystemActor.call(() -> holds.place(hold()));
        List<Object> events = List.of(new HoldPlaced(hold), new HoldLifted(hold),
                new ApprovalRequested("credit", 42L, incident, "Credit of $60.00 (GOODWILL) to +12065550100", "agent",
                        List.of("agent"), "credits/approvals"),
                new ApprovalRequested("campaign", 43L, null, "Campaign", "manager", List.of(), "campaigns"),
                new SaleViolationFound(7L, incident, hold.id(), storeA, "Alpha Phones", "Durable Region " + tag,
                        "SK-LX09-CARBLA", 2, clock.instant(), "Durable mail test"));
        for (Object event : events) {
            Object json = serializer.serialize(event);
            assertThat(serializer.deserialize(json, event.getClass())).isEqualTo(event);
        }
    }
}
