package org.outagedesk.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestClock;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.SkuDetails;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.ResponseActionTaken;
import org.outagedesk.incident.SampleIncident;
import org.outagedesk.incident.TimelineEntryType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class HoldServiceTest {

    @Autowired
    TestClock clock;

    @Autowired
    HoldService holds;
    @Autowired
    SaleStatusService saleStatus;
    @Autowired
    IncidentService incidents;
    @Autowired
    CatalogService catalog;
    @Autowired
    ApplicationEvents events;

    long incidentId() {
        return SystemActor.call(() -> incidents.findAll().stream()
                .filter(i -> i.getTitle().equals(SampleIncident.TITLE)).findFirst().orElseThrow().getId());
    }

    @Test
    void placing_and_lifting_a_hold_each_put_a_stop_sale_entry_on_the_incidents_timeline() {
        long incident = incidentId();
        HoldSummary hold = SystemActor.call(() -> holds.place(new NewHold(incident, List.of("SHDW-COP"), null,
                List.of(SalesChannel.DEALER), null, List.of("D-OK-OKL-01"), null, null, null,
                "Timeline test: copper Shadow recalled")));
        List<ResponseActionTaken> placed = events.stream(ResponseActionTaken.class).toList();
        assertThat(placed).singleElement().satisfies(e -> {
            assertThat(e.incidentId()).isEqualTo(incident);
            assertThat(e.type()).isEqualTo(TimelineEntryType.STOP_SALE);
            assertThat(e.text()).contains("placed", "#" + hold.id(), "SHDW-COP", "Third-party retailers");
            assertThat(e.actor()).isEqualTo(SystemActor.NAME);
        });

        SystemActor.run(() -> holds.lift(hold.id(), "Timeline test: recall withdrawn"));
        assertThat(events.stream(ResponseActionTaken.class).toList()).hasSize(2).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(TimelineEntryType.STOP_SALE);
            assertThat(e.text()).contains("lifted", "#" + hold.id(), "recall withdrawn");
        });
    }

    @Test
    void a_refused_hold_puts_nothing_on_the_timeline() {
        assertThatThrownBy(() -> SystemActor.run(() -> holds.place(new NewHold(incidentId(), List.of("SHDW-COP"),
                null, List.of(), null, null, null, null, null, "no channel"))))
                .isInstanceOf(DomainException.class).extracting("field").isEqualTo("channels");
        assertThat(events.stream(ResponseActionTaken.class)).isEmpty();
    }

    @Test
    void a_scheduled_hold_says_no_from_its_start_time_without_anyone_touching_it() {
        clock.fixAt(clock.instant());
        Instant start = clock.instant().plus(Duration.ofHours(1));
        HoldSummary hold;
        try {
            hold = SystemActor.call(() -> holds.place(new NewHold(incidentId(), List.of("DASH3G-BLA"), null,
                    List.of(SalesChannel.RETAIL), null, List.of("C-CO-DEN-02"), start, null, null,
                    "Scheduled test: Dash 3G firmware issue")));
        } catch (RuntimeException e) {
            clock.reset();
            throw e;
        }
        try {
            assertThat(hold.status()).isEqualTo(HoldStatus.SCHEDULED);
            assertThat(SystemActor.call(() -> saleStatus.status("DASH3G-BLA", "C-CO-DEN-02")).sellable()).isTrue();

            // nothing runs at the start time: the answer follows from the clock alone (TestClock, no sleep)
            clock.advance(Duration.ofHours(1).minusMillis(1));
            assertThat(SystemActor.call(() -> saleStatus.status("DASH3G-BLA", "C-CO-DEN-02")).sellable())
                    .as("a millisecond before its start").isTrue();
            clock.advance(Duration.ofMillis(1));
            SaleStatus after = SystemActor.call(() -> saleStatus.status("DASH3G-BLA", "C-CO-DEN-02"));
            assertThat(after.sellable()).as("from its start").isFalse();
            assertThat(after.holds()).extracting(SaleStatus.HoldRef::id).containsExactly(hold.id());
            assertThat(SystemActor.call(() -> holds.get(hold.id())).status()).isEqualTo(HoldStatus.ACTIVE);
        } finally {
            // lifted at the real time, before its start: it never stops a sale of another test
            clock.reset();
            SystemActor.run(() -> holds.lift(hold.id(), "test over"));
        }
        assertThat(SystemActor.call(() -> saleStatus.status("DASH3G-BLA", "C-CO-DEN-02")).sellable()).isTrue();
    }

    @Test
    void a_family_hold_covers_a_sku_added_to_the_family_after_the_hold_was_placed() {
        HoldSummary hold = SystemActor.call(() -> holds.place(new NewHold(incidentId(), null, "MYTOUCH",
                List.of(SalesChannel.RETAIL), null, List.of("C-FL-ORL-01"), null, null, null,
                "Family test: myTouch on hold in Orlando")));
        try {
            SystemActor.run(() -> catalog.addSku(new SkuDetails("MT3G-HOLDTEST", "myTouch 3G", "Holdtest Grey",
                    "MYTOUCH")));

            SaleStatus status = SystemActor.call(() -> saleStatus.status("MT3G-HOLDTEST", "C-FL-ORL-01"));
            assertThat(status.sellable()).isFalse();
            assertThat(status.holds()).extracting(SaleStatus.HoldRef::id).containsExactly(hold.id());
        } finally {
            SystemActor.run(() -> holds.lift(hold.id(), "test over"));
        }
    }
}
