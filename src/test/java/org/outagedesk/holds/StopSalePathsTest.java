package org.outagedesk.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestClock;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.SkuDetails;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.notices.NoticeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One table of cases through every path that asks the stop-sale rule ({@link HoldTerms}): the till's answer (the
 * hold book, for "now"), a single reported sale, and the daily sales file. Each case is a hold on a SKU of its own,
 * so that the cases do not see each other; the stores are the sample's, read only.
 */
@IntegrationTest
class StopSalePathsTest {

    static final String UWS_DEALER = "D-NY-UWS-01"; // DEALER, New York Metro
    static final String UWS_COMPANY = "C-NY-UWS-01"; // RETAIL (company store), New York Metro
    static final String SEATTLE = "C-WA-SEA-01"; // RETAIL, Pacific Northwest

    @Autowired
    HoldService holds;
    @Autowired
    SaleStatusService sales;
    @Autowired
    SalesService reports;
    @Autowired
    CatalogService catalog;
    @Autowired
    IncidentService incidents;
    @Autowired
    TestClock clock;

    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Map<String, String> familyToSku = new HashMap<>();

    private final List<Long> placed = new ArrayList<>();

    /** The holds of this test stop selling its own SKUs only, but other tests list every SKU of a store: lift them. */
    @AfterEach
    void clockBackAndHoldsLifted() {
        clock.reset();
        for (long id : placed) {
            if (SystemActor.call(() -> holds.summaryOf(id)).status() == HoldStatus.ACTIVE) {
                SystemActor.run(() -> holds.lift(id, "Paths test over"));
            }
        }
    }

    /** A store, a moment (minutes from now: 0 is now) and whether the case's hold stops a sale there then. */
    record Ask(String store, long minutes, boolean stops) {
    }

    @Test
    void every_path_answers_the_same_table_of_cases() {
        clock.setFixed(now);
        long incident = NoticeTestSupport.newIncident(incidents);

        // a family hold for the dealers of one region, since two hours ago
        String family = sku(true);
        place(incident, null, family, List.of(SalesChannel.DEALER), List.of("New York Metro"), List.of(), -120, null);
        check(skuOf(family), new Ask(UWS_DEALER, -60, true), new Ask(UWS_DEALER, 0, true),
                new Ask(UWS_DEALER, -180, false), new Ask(UWS_COMPANY, 0, false), new Ask(SEATTLE, -60, false));

        // a SKU hold for one company store
        String one = sku(false);
        place(incident, one, null, List.of(SalesChannel.RETAIL), List.of(), List.of(SEATTLE), -120, null);
        check(one, new Ask(SEATTLE, 0, true), new Ask(SEATTLE, -30, true), new Ask(UWS_COMPANY, 0, false),
                new Ask(UWS_DEALER, -30, false));

        // a hold everywhere in both store channels, lifted now: sales before the lift broke it, sales since do not
        String lifted = sku(false);
        HoldSummary l = place(incident, lifted, null, List.of(SalesChannel.RETAIL, SalesChannel.DEALER), List.of(),
                List.of(), -120, null);
        clock.setFixed(now.minusSeconds(1));
        SystemActor.run(() -> holds.lift(l.id(), "Paths test: lifted"));
        clock.setFixed(now);
        check(lifted, new Ask(UWS_DEALER, -60, true), new Ask(SEATTLE, -60, true), new Ask(SEATTLE, 0, false),
                new Ask(UWS_DEALER, 0, false), new Ask(UWS_DEALER, -180, false));

        // a hold that ended an hour ago
        String ended = sku(false);
        place(incident, ended, null, List.of(SalesChannel.RETAIL), List.of(), List.of(), -180, -60);
        check(ended, new Ask(SEATTLE, -120, true), new Ask(SEATTLE, -61, true), new Ask(SEATTLE, -60, false),
                new Ask(SEATTLE, 0, false));
    }

    private void check(String sku, Ask... asks) {
        for (Ask ask : asks) {
            Instant at = now.plus(Duration.ofMinutes(ask.minutes()));
            String what = sku + " at " + ask.store() + ", " + ask.minutes() + " min";
            if (ask.minutes() == 0) {
                SaleStatus till = SystemActor.call(() -> sales.status(sku, ask.store()));
                assertThat(till.sellable()).as("the till's answer for " + what).isEqualTo(!ask.stops());
            }
            RecordedSale one = SystemActor.call(() -> reports.recordSale(new NewSale(ask.store(), sku, 1, at)));
            assertThat(one.violation()).as("a single reported sale of " + what).isEqualTo(ask.stops());
            String file = "store,sku,quantity,soldAt\n" + ask.store() + "," + sku + ",1," + at + "\n";
            SalesImportResult daily = SystemActor.call(() -> reports.importSales(new StringReader(file), "paths.csv"));
            assertThat(daily.violations()).as("the daily sales file's line for " + what).isEqualTo(ask.stops() ? 1 : 0);
        }
    }

    private HoldSummary place(long incident, @Nullable String sku, @Nullable String family,
            List<SalesChannel> channels, List<String> regions, List<String> stores, long fromMinutes,
            @Nullable Integer untilMinutes) {
        HoldSummary hold = SystemActor.call(() -> holds.place(new NewHold(incident, sku == null ? null : List.of(sku),
                family, channels, regions, stores, now.plus(Duration.ofMinutes(fromMinutes)),
                untilMinutes == null ? null : now.plus(Duration.ofMinutes(untilMinutes)), null,
                "Paths test " + (sku == null ? family : sku))));
        placed.add(hold.id());
        return hold;
    }

    /** A new SKU; {@code asFamily}: answers the name of its own new family instead of its code. */
    private String sku(boolean asFamily) {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String code = "PT-" + tag;
        String family = "PATHS" + tag;
        SystemActor.call(() -> catalog.addSku(new SkuDetails(code, "Paths test", "Grey", family)));
        familyToSku.put(family, code);
        return asFamily ? family : code;
    }

    private String skuOf(String family) {
        return familyToSku.get(family);
    }
}
