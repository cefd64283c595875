package org.outagedesk.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outagedesk.Waits.waitUpTo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.NotFoundException;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.SampleIncident;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tills' answers come from memory (HoldBook): these check that it never answers from a stale book where the
 * change is known here, and catches up with changes it cannot be told about (another node, the catalog).
 */
@IntegrationTest
class HoldBookTest {

    @Autowired
    HoldService holds;
    @Autowired
    SaleStatusService saleStatus;
    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcTemplate jdbc;

    long incidentId() {
        return SystemActor.call(() -> SampleIncident.find(incidents).getId());
    }

    @Test
    void a_hold_placed_or_lifted_here_counts_from_the_next_question() {
        assertThat(status("MT3G-MER", "C-TX-AUS-01").sellable()).isTrue(); // the book is loaded now
        HoldSummary hold = SystemActor.call(() -> holds.place(new NewHold(incidentId(), List.of("MT3G-MER"), null,
                List.of(SalesChannel.RETAIL), null, List.of("C-TX-AUS-01"), null, null, null,
                "Book test: merlot myTouch")));
        SaleStatus held = status("MT3G-MER", "C-TX-AUS-01");
        assertThat(held.sellable()).isFalse();
        assertThat(held.holds()).extracting(SaleStatus.HoldRef::id).containsExactly(hold.id());

        SystemActor.run(() -> holds.lift(hold.id(), "Book test over"));
        assertThat(status("MT3G-MER", "C-TX-AUS-01").sellable()).isTrue();
    }

    @Test
    void a_hold_lifted_by_another_node_is_seen_within_the_refresh() throws InterruptedException {
        HoldSummary hold = SystemActor.call(() -> holds.place(new NewHold(incidentId(), List.of("MT3G-MER"), null,
                List.of(SalesChannel.DEALER), null, List.of("D-OK-OKL-01"), null, null, null,
                "Book test: another node lifts this")));
        assertThat(status("MT3G-MER", "D-OK-OKL-01").sellable()).isFalse();
        // another node shares the database but cannot tell this one: the lift arrives as a plain row change
        jdbc.update("update sales_hold set lifted_at = ?, lifted_by = 'node-2', lift_reason = 'elsewhere',"
                + " version = version + 1 where id = ?", Timestamp.from(Instant.now()), hold.id());
        waitUpTo(Duration.ofSeconds(5), Duration.ofMillis(100), "sellable again within the 1 s refresh")
                .until(() -> status("MT3G-MER", "D-OK-OKL-01").sellable());
    }

    @Test
    void a_sku_added_a_moment_ago_is_answered_at_once_and_an_unknown_one_is_not_found() {
        String code = "SK-BOOK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThatThrownBy(() -> status(code, null)).isInstanceOf(NotFoundException.class);
        jdbc.update("insert into sku (id, code, model, colour, family) values (?, ?, 'Book test', 'Grey', 'SIDEKICK')",
                900_000_000L + (code.hashCode() & 0xffffff), code);
        // a SIDEKICK family hold of this test's own (online) covers it: the book answers for it at once
        HoldSummary hold = SystemActor.call(() -> holds.place(new NewHold(incidentId(), null, "SIDEKICK",
                List.of(SalesChannel.ONLINE), null, null, null, null, null, "Book test: a new Sidekick SKU")));
        try {
            SaleStatus online = status(code, null);
            assertThat(online.sku()).isEqualTo(code);
            assertThat(online.channel()).isEqualTo(SalesChannel.ONLINE);
            assertThat(online.sellable()).isFalse();
            assertThat(online.holds()).extracting(SaleStatus.HoldRef::id).contains(hold.id());
        } finally {
            SystemActor.run(() -> holds.lift(hold.id(), "Book test over"));
        }
        assertThat(status(code, null).holds()).extracting(SaleStatus.HoldRef::id).doesNotContain(hold.id());
    }

    private SaleStatus status(String sku, String store) {
        return SystemActor.call(() -> saleStatus.status(sku, store));
    }
}
