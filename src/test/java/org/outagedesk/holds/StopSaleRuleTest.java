package org.outagedesk.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outagedesk.catalog.StoreType;

/** The stop-sale rule of the tills' answers (HoldTerms), as a table of cases: fast, no Spring. */
class StopSaleRuleTest {

    static final Instant FROM = Instant.parse("2009-10-10T12:00:00Z");
    static final Instant UNTIL = Instant.parse("2009-10-20T12:00:00Z");
    static final Instant LIFTED = Instant.parse("2009-10-15T12:00:00Z");

    static HoldTerms terms(long id, Instant from, @Nullable Instant until, @Nullable Instant lifted,
            @Nullable String family, Set<String> skus, Set<SalesChannel> channels, Set<String> regions,
            Set<String> stores) {
        return new HoldTerms(id, "reason " + id, from, until, lifted, family, skus, channels, regions, stores);
    }

    @ParameterizedTest(name = "{0}: until {1}, lifted {2} -> {3}")
    @CsvSource(nullValues = "null", textBlock = """
            2009-10-10T11:59:59.999Z, null,                 null,                 false
            2009-10-10T12:00:00Z,     null,                 null,                 true
            2030-01-01T00:00:00Z,     null,                 null,                 true
            2009-10-20T11:59:59Z,     2009-10-20T12:00:00Z, null,                 true
            2009-10-20T12:00:00Z,     2009-10-20T12:00:00Z, null,                 false
            2009-10-15T11:59:59Z,     null,                 2009-10-15T12:00:00Z, true
            2009-10-15T12:00:00Z,     null,                 2009-10-15T12:00:00Z, false
            2009-10-16T00:00:00Z,     2009-10-20T12:00:00Z, 2009-10-15T12:00:00Z, false
            2009-10-09T00:00:00Z,     2009-10-20T12:00:00Z, 2009-10-15T12:00:00Z, false
            """)
    void a_hold_applies_from_its_start_until_it_ends_or_is_lifted(Instant when, @Nullable Instant until,
            @Nullable Instant lifted, boolean applies) {
        HoldTerms t = terms(1, FROM, until, lifted, "SIDEKICK", Set.of(), Set.of(SalesChannel.ONLINE), Set.of(),
                Set.of());
        assertThat(t.appliesAt(when)).isEqualTo(applies);
    }

    @Test
    void a_family_hold_covers_every_sku_of_the_family_and_a_sku_hold_only_its_skus() {
        HoldTerms family = terms(1, FROM, null, null, "SIDEKICK", Set.of(), Set.of(SalesChannel.RETAIL), Set.of(),
                Set.of());
        assertThat(family.covers("SK-NEW", "SIDEKICK")).isTrue();
        HoldTerms both = terms(1, FROM, null, null, "SIDEKICK", Set.of("G1-BLA"), Set.of(SalesChannel.RETAIL),
                Set.of(), Set.of());
        assertThat(both.covers("G1-BLA", "ANDROID")).as("family wins").isFalse();
        HoldTerms skuHold = terms(2, FROM, null, null, null, Set.of("G1-BLA"), Set.of(SalesChannel.RETAIL),
                Set.of(), Set.of());
        assertThat(skuHold.covers("G1-BLA", "ANDROID")).isTrue();
        assertThat(skuHold.covers("G1-BRO", "ANDROID")).isFalse();
    }

    static final HoldBook.Place SEATTLE = new HoldBook.Place("C-WA-SEA-01", "Pacific Northwest", SalesChannel.RETAIL, false);
    static final HoldBook.Place UWS = new HoldBook.Place("D-NY-UWS-01", "New York Metro", SalesChannel.DEALER, false);

    @Test
    void a_hold_reaches_its_channels_and_the_regions_or_stores_it_names() {
        HoldTerms everywhere = terms(3, FROM, null, null, "SIDEKICK", Set.of(),
                Set.of(SalesChannel.RETAIL, SalesChannel.ONLINE), Set.of(), Set.of());
        assertThat(everywhere.reaches(SalesChannel.RETAIL, SEATTLE)).isTrue();
        assertThat(everywhere.reaches(SalesChannel.ONLINE, null)).isTrue();
        assertThat(everywhere.reaches(SalesChannel.DEALER, UWS)).as("not its channel").isFalse();

        HoldTerms region = terms(4, FROM, null, null, "SIDEKICK", Set.of(), Set.of(SalesChannel.DEALER),
                Set.of("New York Metro"), Set.of());
        assertThat(region.reaches(SalesChannel.DEALER, UWS)).isTrue();
        assertThat(region.reaches(SalesChannel.DEALER,
                new HoldBook.Place("D-OR-POR-01", "Pacific Northwest", SalesChannel.DEALER, false))).isFalse();
        assertThat(region.reaches(SalesChannel.DEALER, null)).as("no store: the channel decides").isTrue();

        HoldTerms store = terms(5, FROM, null, null, "SIDEKICK", Set.of(), Set.of(SalesChannel.RETAIL),
                Set.of(), Set.of("C-WA-SEA-01"));
        assertThat(store.reaches(SalesChannel.RETAIL, SEATTLE)).isTrue();
        assertThat(store.reaches(SalesChannel.RETAIL,
                new HoldBook.Place("C-WA-SEA-02", "Pacific Northwest", SalesChannel.RETAIL, false))).isFalse();
    }

    @Test
    void the_book_answers_with_the_holds_in_force_that_reach_the_store() {
        HoldTerms active = terms(10, FROM, null, null, "SIDEKICK", Set.of(), Set.of(SalesChannel.DEALER),
                Set.of("New York Metro"), Set.of());
        HoldTerms lifted = terms(11, FROM, null, LIFTED, "SIDEKICK", Set.of(), Set.of(SalesChannel.DEALER),
                Set.of(), Set.of());
        HoldTerms elsewhere = terms(12, FROM, null, null, "SIDEKICK", Set.of(), Set.of(SalesChannel.DEALER),
                Set.of(), Set.of("D-OR-POR-01"));
        HoldTerms later = terms(13, UNTIL, null, null, "SIDEKICK", Set.of(), Set.of(SalesChannel.DEALER),
                Set.of(), Set.of());
        HoldBook.Snapshot book = new HoldBook.Snapshot(List.of(active, lifted, elsewhere, later),
                Map.of("SK-LX09-CARBLA", "SIDEKICK"), List.of("SK-LX09-CARBLA"), Map.of(UWS.code(), UWS), 1, 0);
        Instant oct16 = Instant.parse("2009-10-16T00:00:00Z");
        assertThat(book.inForce(SalesChannel.DEALER, UWS, oct16)).extracting(HoldTerms::id).containsExactly(10L);
        assertThat(book.inForce(SalesChannel.DEALER, UWS, Instant.parse("2009-10-12T00:00:00Z")))
                .extracting(HoldTerms::id).containsExactly(10L, 11L);
        assertThat(book.inForce(SalesChannel.DEALER, UWS, UNTIL)).extracting(HoldTerms::id)
                .containsExactly(10L, 13L);
        assertThat(book.inForce(SalesChannel.RETAIL, SEATTLE, oct16)).isEmpty();
        assertThat(active.ref()).isEqualTo(new SaleStatus.HoldRef(10, "reason 10", FROM));
    }

    @Test
    void a_company_store_sells_retail_and_a_dealer_through_the_dealer_channel() {
        assertThat(SalesChannel.of(StoreType.COMPANY)).isEqualTo(SalesChannel.RETAIL);
        assertThat(SalesChannel.of(StoreType.DEALER)).isEqualTo(SalesChannel.DEALER);
        assertThat(SalesChannel.RETAIL.storeType()).isEqualTo(StoreType.COMPANY);
        assertThat(SalesChannel.DEALER.storeType()).isEqualTo(StoreType.DEALER);
        assertThat(SalesChannel.ONLINE.storeType()).isNull();
    }
}
